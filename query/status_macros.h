// Internal: early-return helpers for absl::Status / absl::StatusOr inside query/.
#ifndef KG_QUERY_STATUS_MACROS_H_
#define KG_QUERY_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define KG_RETURN_IF_ERROR(expr)  \
  do {                            \
    absl::Status _st = (expr);    \
    if (!_st.ok()) return _st;    \
  } while (0)

// `lhs` must be an already declared variable (the macro is one statement).
#define KG_ASSIGN_OR_RETURN(lhs, rexpr)      \
  do {                                       \
    auto _status_or = (rexpr);               \
    if (!_status_or.ok()) return _status_or.status(); \
    lhs = std::move(*_status_or);            \
  } while (0)

#endif  // KG_QUERY_STATUS_MACROS_H_
