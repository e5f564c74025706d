/* fuzz_json.c: the JSON writer. A tiny rule set copies the input's tokens into norms and
 * attributes (as written, upper/lower/title-cased, quoted, joined, as numbers), so the
 * writer sees arbitrary bytes: quotes, backslashes, control characters, NUL bytes, U+FFFD,
 * 4-byte sequences, huge and tiny numbers. The document id is taken from the input too.
 *
 * Checks: facta_extract_json() output is valid JSON (a strict parser: UTF-8, escapes,
 * unique keys, number grammar), follows docs/output.md (offsets slice the input, code
 * points agree), and says exactly what facta_extract() says: types, spans, norms (up to an
 * embedded NUL), attribute keys in order, string values, numbers that read back to the same
 * double (null only for a non-finite one).
 *
 * Static state: only the compiled rule set, built once and never changed. */
#include "fuzz_common.h"

static const char RULES[] =
    "# fuzz_json: records that carry the input's bytes\n"
    "lexicon NUMW {\n"
    "one => 1 | unit\n"
    "two => 2 | unit\n"
    "twenty => 20 | tens\n"
    "hundred => 100 | hundreds\n"
    "dozen => 12 | dozen\n"
    "million => 1000000 | mult\n"
    "half => 0.5 | frac\n"
    "third | frac=0.333333333333333\n"
    "}\n"
    "rule tok overlap: x:_ => TOK { norm = text($x), raw = $x, up = upper($x), low = lower($x),\n"
    "    tt = title($x), q = concat(\"<\\\"\", $x, \"\\\\>\"), c = \"\x01\x1f\x7f\\\"\\\\/\\t\\n\xE2\x80\xA8\xF0\x9F\x98\x80\",\n"
    "    n = number($x), p = part($x, 1) };\n"
    "rule num overlap: n:([number] | @NUMW)+ => NUM { value = number($n), p1 = part($n, 1),\n"
    "    p2 = part($n, 2), p9 = part($n, 9), same = same($n, \"ONE\", \"yes\", \"no\") };\n"
    "rule pair overlap: a:_ b:_ => PAIR { span = $b, norm = join($b, \"\\\"\", $a), prev = $a,\n"
    "    f = first(.nope, $a), i = if($a, \"\\\\\", \"x\") };\n"
    "rule run: x:[!punct]{1,64} => RUN { norm = concat($x, \"\\t\") };\n"
    "rule multi: a:_ \"\\\"\" b:_ => A { norm = text($a) } B { norm = text($b), kind = \"quote\" };\n";

static const facta_rules *json_rules(void)
{
    static facta_rules *rules;
    if (!rules) {
        facta_diag d;
        memset(&d, 0, sizeof d);
        int rc = facta_rules_compile(&rules, RULES, sizeof RULES - 1, "fuzz_json.facta", NULL, &d);
        FZ_CHECK(rc == FACTA_OK, "fuzz_json rules: %s", d.message);
    }
    return rules;
}

/* JSON entities == facta_extract() records. */
static void compare(const char *js, size_t jl, const facta_entity *e, size_t n)
{
    jv doc;
    const char *err;
    size_t at;
    FZ_CHECK(jv_parse(js, jl, &doc, &err, &at), "invalid JSON (%s at %zu)", err, at);
    const jv *ents = jv_get(&doc, "entities");
    FZ_CHECK(ents && ents->t == J_ARR && ents->n == n, "JSON has %zu entities, facta_extract %zu",
             ents ? ents->n : 0, n);
    for (size_t i = 0; i < n; i++) {
        const jv *o = &ents->items[i];
        const jv *type = jv_get(o, "type"), *norm = jv_get(o, "norm"), *attrs = jv_get(o, "attrs");
        FZ_CHECK(type && type->t == J_STR && !strcmp(type->str, e[i].type), "entity %zu: type", i);
        FZ_CHECK(norm && norm->t == J_STR && norm->len == strlen(e[i].norm) &&
                     !memcmp(norm->str, e[i].norm, norm->len),
                 "entity %zu: norm differs from facta_extract's", i);
        FZ_CHECK(jv_index(o, "byte_start", "entity") == e[i].span.byte_start &&
                     jv_index(o, "byte_end", "entity") == e[i].span.byte_end &&
                     jv_index(o, "start", "entity") == e[i].span.cp_start &&
                     jv_index(o, "end", "entity") == e[i].span.cp_end,
                 "entity %zu: span differs from facta_extract's", i);
        FZ_CHECK(attrs && attrs->t == J_OBJ && attrs->n == e[i].n_attrs,
                 "entity %zu: %zu attributes in JSON, %zu in the record", i, attrs ? attrs->n : 0,
                 e[i].n_attrs);
        for (size_t k = 0; k < attrs->n; k++) {
            const facta_attr *a = &e[i].attrs[k];
            const jv *v = &attrs->items[k];
            FZ_CHECK(!strcmp(attrs->keys[k], a->key), "entity %zu: attribute %zu is \"%s\" in "
                     "JSON, \"%s\" in the record", i, k, attrs->keys[k], a->key);
            if (a->is_number) {
                if (isfinite(a->number))
                    FZ_CHECK(v->t == J_NUM && v->num == a->number,
                             "entity %zu: number \"%s\" = %.17g written as something else", i,
                             a->key, a->number);
                else
                    FZ_CHECK(v->t == J_NULL, "entity %zu: non-finite \"%s\" not written as null",
                             i, a->key);
            } else {
                FZ_CHECK(v->t == J_STR && v->len == strlen(a->value) &&
                             !memcmp(v->str, a->value, v->len),
                         "entity %zu: string \"%s\" differs", i, a->key);
            }
        }
    }
    jv_free(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > ((size_t)1 << 20))
        return 0;
    const facta_rules *rules = json_rules();
    const char *text = size ? (const char *)data : NULL;
    uint32_t h = fz_hash(data, size);
    int explain = h & 1;

    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.flags = FACTA_EXTRACT_REPLACE_INVALID | (explain ? FACTA_EXTRACT_EXPLAIN : 0);
    o.lang = (h >> 1) & 1 ? "ru" : NULL;
    int valid = fz_utf8_valid(text, size, NULL);

    /* the id: the input's first bytes, up to a NUL */
    char id[41];
    size_t il = size < 40 ? size : 40;
    if (il)
        memcpy(id, data, il);
    id[il] = 0;
    int id_valid = fz_utf8_valid(id, strlen(id), NULL);

    facta_extractor *ex = NULL, *ex2 = NULL;
    FZ_CHECK(facta_extractor_new(&ex, rules) == FACTA_OK, "facta_extractor_new");
    FZ_CHECK(facta_extractor_new(&ex2, rules) == FACTA_OK, "facta_extractor_new");

    const char *js = NULL;
    size_t jl = 0;
    int rc = facta_extract_json(&js, &jl, ex, id, text, size, &o);
    if (!id_valid) {
        FZ_CHECK(rc == FACTA_EUTF8, "an invalid UTF-8 id gave %d", rc);
        rc = facta_extract_json(&js, &jl, ex, NULL, text, size, &o);
    }
    FZ_CHECK(rc == FACTA_OK, "facta_extract_json: %d %s", rc, facta_extractor_last_error(ex));
    fz_check_doc_json(js, jl, text, size, !valid, id_valid ? id : NULL, explain);

    const facta_entity *e = NULL;
    size_t n = 0;
    rc = facta_extract(&e, &n, ex2, text, size, &o);
    FZ_CHECK(rc == FACTA_OK, "facta_extract: %d", rc);
    compare(js, jl, e, n);

    facta_extractor_free(ex);
    facta_extractor_free(ex2);
    return 0;
}
