/* hello.c: the smallest facta program: extract records from a file (or a sentence) and print
 * them as JSON. Build against an installed facta with
 *   cc hello.c $(pkg-config --cflags --libs facta) -o hello */
#include <facta.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = "Deputy Prime Minister Tamara Duissenova said on 5 June that 382 schools "
                       "will open. В Астане 21 и 22 ноября 2016 г. собрались более 1300 участников.";
    char *buf = NULL;
    size_t len = strlen(text);
    if (argc > 1) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) {
            perror(argv[1]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        buf = malloc(n > 0 ? (size_t)n : 1);
        len = buf ? fread(buf, 1, (size_t)n, f) : 0;
        fclose(f);
        text = buf ? buf : "";
    }

    facta_rules *rules;
    facta_diag diag;
    if (facta_rules_default(&rules, &diag) != FACTA_OK) {
        fprintf(stderr, "%s\n", diag.message);
        return 1;
    }
    facta_extractor *ex;
    if (facta_extractor_new(&ex, rules) != FACTA_OK) {
        facta_rules_free(rules);
        return 1;
    }
    const facta_entity *ents;
    size_t n;
    int rc = facta_extract(&ents, &n, ex, text, len, NULL);
    if (rc != FACTA_OK) {
        fprintf(stderr, "facta: %s\n", facta_extractor_last_error(ex));
    } else {
        for (size_t i = 0; i < n; i++) {
            printf("%-7s %-40.*s norm=%s", ents[i].type,
                   (int)(ents[i].span.byte_end - ents[i].span.byte_start),
                   text + ents[i].span.byte_start, ents[i].norm);
            for (size_t j = 0; j < ents[i].n_attrs; j++)
                printf(" %s=%s", ents[i].attrs[j].key, ents[i].attrs[j].value);
            printf("\n");
        }
    }
    facta_extractor_free(ex);
    facta_rules_free(rules);
    free(buf);
    return rc == FACTA_OK ? 0 : 1;
}
