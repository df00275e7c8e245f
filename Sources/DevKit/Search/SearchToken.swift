/// One term of a text, as the tokenizer found it.
struct SearchToken: Equatable, Sendable {
    /// What the term is a part of.
    enum Kind: String, Sendable {
        /// A whole word.
        case word
        /// A piece of a longer word (`dial` of `onDialNumber`).
        case part
        /// A bigram (or single character) of CJK text.
        case cjk
    }

    /// The normalised term.
    var term: String
    /// Where it came from.
    var kind: Kind
}
