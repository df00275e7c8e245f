// Splits text into search terms exactly as the index builder does (Sources/DevKit/Search/
// SearchTokenizer.swift; Tests/js/fixtures/search/tokens.json holds cases both must agree on):
// - a word is a run of letters, marks, digits and `_`, with `-` or `.` kept between two of them
//   (`calling-extensions.js`, `SET_WIDGET_URL`, `0.9.6`); its pieces, split at `-._` and at camelCase
//   humps (`on dial number` of `onDialNumber`), are terms too;
// - Han, Hiragana, Katakana and Hangul runs give overlapping bigrams (`発信ボタン` → `発信 信ボ ボタ タン`),
//   or their one character;
// - terms are NFKC-normalised and lower-cased (`ς` as `σ`); words longer than 64 characters are dropped.
// Pure functions; nothing happens on import.

export const MAXIMUM_TERM_LENGTH = 64;

const WORD = 0;
const JOINER = 1;
const CJK = 2;
const SEPARATOR = 3;
const LETTER_MARK_NUMBER = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;

/** Han, Hiragana, Katakana, Hangul: the ranges SearchCharacterClass.isCJK lists. */
export function isCJK(code) {
  return (code >= 0x3005 && code <= 0x3007) || (code >= 0x3021 && code <= 0x3029)
    || (code >= 0x3041 && code <= 0x309f) || (code >= 0x30a1 && code <= 0x30fa) || (code >= 0x30fc && code <= 0x30ff)
    || (code >= 0x31f0 && code <= 0x31ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)
    || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff66 && code <= 0xff9f)
    || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318e) || (code >= 0xa960 && code <= 0xa97f)
    || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xd7b0 && code <= 0xd7ff) || (code >= 0xffa0 && code <= 0xffdc)
    || (code >= 0x20000 && code <= 0x323af);
}

function classify(code) {
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f) return WORD;
    return code === 0x2d || code === 0x2e ? JOINER : SEPARATOR;
  }
  if (isCJK(code)) return CJK;
  return LETTER_MARK_NUMBER.test(String.fromCodePoint(code)) ? WORD : SEPARATOR;
}

const width = (code) => (code > 0xffff ? 2 : 1);

/** The normal form of a term: NFKC, lower case, final sigma as sigma. */
export function normalize(text) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize("NFKC").toLowerCase().replaceAll("ς", "σ");
}

const codePointLength = (text) => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** Kana, ideographs and Hangul syllables that NFKC and lower-casing leave as they are. */
const isNormalCJK = (code) => (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || (code >= 0x30fc && code <= 0x30fe)
  || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3);
/** The combining and half-width (semi-)voiced sound marks, which belong to the kana before them. */
const isSoundMark = (code) => code === 0x3099 || code === 0x309a || code === 0xff9e || code === 0xff9f;

/** The pieces of a word as offsets into it: each segment between `-._`, then its humps if several. */
function pieceRanges(word) {
  const ranges = [];
  let segmentStart = 0;
  for (let index = 0; index <= word.length; index++) {
    const atEnd = index === word.length;
    const unit = word[index];
    if (!atEnd && unit !== "-" && unit !== "." && unit !== "_") continue;
    if (segmentStart < index) {
      ranges.push([segmentStart, index]);
      const humps = humpRanges(word, segmentStart, index);
      if (humps.length > 1) ranges.push(...humps);
    }
    segmentStart = index + 1;
  }
  return ranges;
}

/** `onDialNumber` → `on Dial Number`; `HTMLParser` → `HTML Parser`; `utf8Decode` → `utf8 Decode`. */
function humpRanges(word, start, end) {
  const points = [];
  for (let index = start; index < end;) {
    const code = word.codePointAt(index);
    points.push([index, String.fromCodePoint(code)]);
    index += width(code);
  }
  const humps = [];
  let humpStart = start;
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1][1];
    const current = points[i][1];
    const following = i + 1 < points.length ? points[i + 1][1] : "";
    const lowerToUpper = (LOWER.test(previous) || DIGIT.test(previous)) && UPPER.test(current);
    const acronymEnd = UPPER.test(previous) && UPPER.test(current) && following !== "" && LOWER.test(following);
    if (lowerToUpper || acronymEnd) {
      humps.push([humpStart, points[i][0]]);
      humpStart = points[i][0];
    }
  }
  humps.push([humpStart, end]);
  return humps;
}

/**
 * Calls `visit(term, kind, start, end)` for every term of `text` in order; `start`/`end` are the
 * UTF-16 offsets in `text` of what the term was made from. `kind` is "word", "part" or "cjk".
 */
export function forEachTerm(text, visit) {
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = text.codePointAt(index);
    const kind = classify(code);
    if (kind === WORD) {
      const start = index;
      let end = index + width(code);
      while (end < length) {
        const next = text.codePointAt(end);
        const nextKind = classify(next);
        if (nextKind === WORD) {
          end += width(next);
        } else if (nextKind === JOINER && end + 1 < length && classify(text.codePointAt(end + 1)) === WORD) {
          end += 1;
        } else {
          break;
        }
      }
      emitWord(text, start, end, visit);
      index = end;
    } else if (kind === CJK) {
      // The run's characters, each normalised alone (with its sound mark: `ｶﾞ` is `ガ`), and where each starts.
      const characters = [];
      let end = index;
      while (end < length) {
        const next = text.codePointAt(end);
        if (classify(next) !== CJK) break;
        const last = characters.at(-1);
        if (isSoundMark(next) && last) {
          last.raw += String.fromCodePoint(next);
          last.plain = false;
        } else {
          characters.push({ raw: String.fromCodePoint(next), plain: isNormalCJK(next), start: end });
        }
        end += width(next);
      }
      const forms = characters.map(({ raw, plain }) => (plain ? raw : normalize(raw)));
      if (forms.length === 1) {
        visit(forms[0], "cjk", index, end);
      } else {
        for (let i = 0; i + 1 < forms.length; i++) {
          const stop = i + 2 < characters.length ? characters[i + 2].start : end;
          visit(forms[i] + forms[i + 1], "cjk", characters[i].start, stop);
        }
      }
      index = end;
    } else {
      index += width(code);
    }
  }
}

function emitWord(text, start, end, visit) {
  const raw = text.slice(start, end);
  if (/^[a-z0-9]+$/.test(raw)) {
    if (raw.length <= MAXIMUM_TERM_LENGTH) visit(raw, "word", start, end);
    return;
  }
  const whole = normalize(raw);
  if (codePointLength(whole) <= MAXIMUM_TERM_LENGTH) visit(whole, "word", start, end);
  const seen = [whole];
  for (const [from, to] of pieceRanges(raw)) {
    const term = normalize(raw.slice(from, to));
    if (term === "" || codePointLength(term) > MAXIMUM_TERM_LENGTH || seen.includes(term)) continue;
    seen.push(term);
    visit(term, "part", start + from, start + to);
  }
}

/** Every term of `text`, as `{ term, kind }`. */
export function tokens(text) {
  const result = [];
  forEachTerm(text, (term, kind) => result.push({ term, kind }));
  return result;
}
