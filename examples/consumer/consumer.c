/* A C program using the installed vnseg through its C API: prints the
 * dictionary it found, then the segmented form of each argument (or of a
 * sample sentence) and its words with byte offsets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnseg/vnseg.h>

static int print_word(void* user_data, const vnseg_token* token) {
  const char* text = (const char*)user_data;
  printf("  [%zu,%zu) %.*s\n", token->begin, token->end, (int)(token->end - token->begin),
         text + token->begin);
  return 0;
}

static int segment_one(vnseg_segmenter* segmenter, const char* text) {
  char out[1024];
  size_t length = 0;
  vnseg_status status = vnseg_segment(segmenter, text, strlen(text), 0, out, sizeof out, &length);
  if (status != VNSEG_OK) {
    fprintf(stderr, "consumer: %s: %s\n", vnseg_status_name(status), vnseg_last_error());
    return 1;
  }
  printf("%s\n", out);
  return vnseg_segment_tokens(segmenter, text, strlen(text), print_word, (void*)text) == VNSEG_OK ? 0 : 1;
}

int main(int argc, char** argv) {
  char path[4096];
  size_t path_length = 0;
  if (vnseg_default_dictionary_path(path, sizeof path, &path_length) != VNSEG_OK) return 1;
  printf("vnseg %s, dictionary %s\n", vnseg_version(), path);

  vnseg_dictionary* dictionary = NULL;
  vnseg_segmenter* segmenter = NULL;
  if (vnseg_dictionary_open(NULL, &dictionary) != VNSEG_OK ||
      vnseg_segmenter_new(dictionary, NULL, &segmenter) != VNSEG_OK) {
    fprintf(stderr, "consumer: %s\n", vnseg_last_error());
    vnseg_dictionary_free(dictionary);
    return 1;
  }
  int failed = 0;
  if (argc < 2) failed |= segment_one(segmenter, "Tổng thống Mỹ nói hoà bình.");
  for (int i = 1; i < argc; ++i) failed |= segment_one(segmenter, argv[i]);
  vnseg_segmenter_free(segmenter);
  vnseg_dictionary_free(dictionary);
  return failed;
}
