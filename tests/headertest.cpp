// headertest.cpp: facta.h compiles as C++ (-Wall -Wextra -Werror -pedantic, C++11 and
// later), its declarations have C linkage, and the initializer macros work in C++.
#include "facta.h"
#include "facta.h" // twice: the include guard

#include <cstring>
#include <type_traits>

static_assert(FACTA_OK == 0 && FACTA_ENOMEM == -2 && FACTA_ELIMIT == -8, "status codes");
static_assert(FACTA_TOK_URL == 4 && FACTA_SCRIPT_MIXED == 3 && FACTA_SHAPE_INITIAL == 5, "enums");
static_assert(std::is_same<decltype(FACTA_COMPILE_WITH_DEFAULTS), unsigned int>::value, "flags");

// C linkage and exact signatures
static_assert(std::is_same<decltype(&facta_version), const char *(*)()>::value, "facta_version");
static_assert(std::is_same<decltype(&facta_strerror), const char *(*)(int)>::value, "strerror");
static_assert(std::is_same<decltype(&facta_rules_compile),
                           int (*)(facta_rules **, const char *, size_t, const char *,
                                   const facta_compile_options *, facta_diag *)>::value,
              "facta_rules_compile");
static_assert(std::is_same<decltype(&facta_extract),
                           int (*)(const facta_entity **, size_t *, facta_extractor *,
                                   const char *, size_t, const facta_extract_options *)>::value,
              "facta_extract");
static_assert(std::is_same<decltype(&facta_extract_json),
                           int (*)(const char **, size_t *, facta_extractor *, const char *,
                                   const char *, size_t, const facta_extract_options *)>::value,
              "facta_extract_json");
static_assert(std::is_same<decltype(&facta_tokenize),
                           int (*)(const facta_token **, size_t *, facta_extractor *,
                                   const char *, size_t, const facta_extract_options *)>::value,
              "facta_tokenize");

// plain C structs: usable as aggregates and copied bytewise
static_assert(std::is_trivially_copyable<facta_diag>::value, "facta_diag");
static_assert(std::is_standard_layout<facta_token>::value, "facta_token");
static_assert(std::is_standard_layout<facta_entity>::value, "facta_entity");
static_assert(std::is_trivial<facta_extract_options>::value &&
                  std::is_standard_layout<facta_extract_options>::value,
              "facta_extract_options");

extern "C" {
static void *hook_malloc(size_t, void *) { return nullptr; }
static void *hook_realloc(void *, size_t, void *) { return nullptr; }
static void hook_free(void *, void *) {}
}

namespace {

// A typical C++ caller: RAII wrappers over the handles.
struct rules_deleter {
    void operator()(facta_rules *r) const { facta_rules_free(r); }
};
struct extractor_deleter {
    void operator()(facta_extractor *e) const { facta_extractor_free(e); }
};

int use_api(const char *text)
{
    facta_compile_options co = FACTA_COMPILE_OPTIONS_INIT;
    facta_extract_options eo = FACTA_EXTRACT_OPTIONS_INIT;
    const facta_extract_options ceo = FACTA_EXTRACT_OPTIONS_INIT;
    facta_allocator al = {hook_malloc, hook_realloc, hook_free, nullptr};
    co.allocator = &al;
    co.flags |= FACTA_COMPILE_NO_JIT;
    eo.flags = ceo.flags | FACTA_EXTRACT_EXPLAIN;
    eo.lang = "en";
    facta_diag diag = {};
    facta_rules *raw = nullptr;
    if (facta_rules_default(&raw, &diag) != FACTA_OK)
        return 1;
    rules_deleter rd;
    facta_extractor *ex = nullptr;
    if (facta_extractor_new(&ex, raw) != FACTA_OK) {
        rd(raw);
        return 1;
    }
    const facta_entity *ents = nullptr;
    size_t n = 0;
    int rc = facta_extract(&ents, &n, ex, text, std::strlen(text), &eo);
    for (size_t i = 0; rc == FACTA_OK && i < n; i++)
        if (ents[i].n_attrs && ents[i].attrs[0].is_number)
            rc = ents[i].attrs[0].number > 0 ? FACTA_OK : FACTA_ERROR;
    const facta_token *toks = nullptr;
    if (rc == FACTA_OK)
        rc = facta_tokenize(&toks, &n, ex, text, std::strlen(text), nullptr);
    extractor_deleter()(ex);
    rd(raw);
    return rc;
}

} // namespace

int main()
{
    return use_api("Deputy Prime Minister Tamara Duissenova said on 5 June that 382 schools "
                   "will open.") == FACTA_OK
               ? 0
               : 1;
}
