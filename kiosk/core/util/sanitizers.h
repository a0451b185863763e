// Whether this build runs under AddressSanitizer: GCC defines __SANITIZE_ADDRESS__, clang 14
// answers only through __has_feature.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define VT_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VT_ADDRESS_SANITIZER 1
#endif
#endif
