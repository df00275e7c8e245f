/* The libcmark floor for scripts/bench: one process renders every Markdown file below a folder
 * with libcmark and writes one HTML file per page, nothing else (no templates, no links). */
#define _XOPEN_SOURCE 700
#include <cmark.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *source_root;
static const char *output_root;
static size_t source_length;
static long pages;

static int make_parents(char *path) {
  for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    if (mkdir(path, 0755) != 0 && errno != EEXIST) return -1;
    *slash = '/';
  }
  return 0;
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *walk) {
  (void)walk;
  size_t length = strlen(path);
  if (type != FTW_F || length < 3 || strcmp(path + length - 3, ".md") != 0) return 0;
  FILE *input = fopen(path, "rb");
  if (!input) return 0;
  char *text = malloc((size_t)info->st_size + 1);
  size_t read = fread(text, 1, (size_t)info->st_size, input);
  fclose(input);
  char *html = cmark_markdown_to_html(text, read, CMARK_OPT_DEFAULT);
  char target[4096];
  snprintf(target, sizeof target, "%s%.*s.html", output_root, (int)(length - source_length - 3), path + source_length);
  make_parents(target);
  FILE *output = fopen(target, "wb");
  if (output) {
    fputs(html, output);
    fclose(output);
  }
  free(html);
  free(text);
  pages++;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: cmark_floor SOURCE OUTPUT\n");
    return 64;
  }
  source_root = argv[1];
  output_root = argv[2];
  source_length = strlen(source_root);
  mkdir(output_root, 0755);
  if (nftw(source_root, visit, 32, FTW_PHYS) != 0) return 1;
  fprintf(stderr, "%ld pages\n", pages);
  return 0;
}
