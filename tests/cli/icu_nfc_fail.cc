// LD_PRELOAD shim for cli.icu_missing: ICU's getNFCInstance fails as it
// does when ICU's data is missing (null, with an error status). vnseg used
// to dereference that null pointer; it must exit 1 with the reason.
#include <unicode/normalizer2.h>

U_NAMESPACE_BEGIN
const Normalizer2* Normalizer2::getNFCInstance(UErrorCode& status) {
  if (U_SUCCESS(status)) status = U_FILE_ACCESS_ERROR;
  return nullptr;
}
U_NAMESPACE_END
