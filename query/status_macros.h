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

#define KG_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                             \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(*tmp)
#define KG_QUERY_CONCAT_INNER(a, b) a##b
#define KG_QUERY_CONCAT(a, b) KG_QUERY_CONCAT_INNER(a, b)
#define KG_ASSIGN_OR_RETURN(lhs, rexpr) \
  KG_ASSIGN_OR_RETURN_IMPL(KG_QUERY_CONCAT(_status_or_, __LINE__), lhs, rexpr)

#endif  // KG_QUERY_STATUS_MACROS_H_
