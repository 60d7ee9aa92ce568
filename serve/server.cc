#include "serve/server.h"

#include <httplib.h>

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "export/text.h"
#include "nlohmann/json.hpp"
#include "query/query.h"
#include "serve/entity.h"
#include "serve/page.h"

namespace kg::serve {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";
constexpr size_t kMaxEntityClaims = 2000;

std::string ErrorJson(std::string_view kind, absl::string_view message) {
  std::string out = "{\"error\":{\"kind\":";
  AppendJsonString(kind, &out);
  out += ",\"message\":";
  AppendJsonString(std::string_view(message.data(), message.size()), &out);
  out += "}}\n";
  return out;
}

std::string QueryErrorJson(const query::QueryError& e) {
  std::string out = "{\"error\":{\"kind\":";
  AppendJsonString(e.kind, &out);
  out += ",\"detail\":";
  AppendJsonString(e.detail, &out);
  absl::StrAppend(&out, ",\"line\":", e.line, ",\"column\":", e.column, ",\"message\":");
  AppendJsonString(e.message, &out);
  out += "}}\n";
  return out;
}

int StatusForQueryError(const query::QueryError& e) {
  if (e.kind == "AccessMode") return 403;
  if (e.kind == "ResourceLimit") return e.detail == "Timeout" ? 503 : 422;
  if (e.kind == "StorageError" || e.kind == "InternalError") return 500;
  return 400;
}

int StatusForError(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kInvalidArgument:
      return 400;
    case absl::StatusCode::kResourceExhausted:
      return 422;
    default:
      return 500;
  }
}

void Fail(httplib::Response& res, int status, std::string_view kind, absl::string_view message) {
  res.status = status;
  res.set_content(ErrorJson(kind, message), kJson);
}

int DepthParam(const httplib::Request& req) {
  int depth = 1;
  if (req.has_param("depth") && absl::SimpleAtoi(req.get_param_value("depth"), &depth)) {
    return std::clamp(depth, 1, kMaxPageDepth);
  }
  return 1;
}

}  // namespace

struct Server::Impl {
  std::unique_ptr<StoreSource> source;
  ServeOptions options;
  httplib::Server http;

  void Query(const httplib::Request& req, httplib::Response& res);
  void Entity(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void Svg(const httplib::Request& req, httplib::Response& res);
  void Page(const httplib::Request& req, httplib::Response& res);
  void Audit(const httplib::Request& req, httplib::Response& res);
};

void Server::Impl::Query(const httplib::Request& req, httplib::Response& res) {
  std::string text;
  query::QueryOptions qo;
  qo.timeout = options.query_timeout;
  qo.max_rows = options.max_rows;
  qo.read_only = !(options.allow_writes && source->writable());
  const std::string type = req.get_header_value("Content-Type");
  const size_t first = req.body.find_first_not_of(" \t\r\n");
  const bool json = type.rfind("application/json", 0) == 0 ||
                    (first != std::string::npos && req.body[first] == '{');
  if (json) {
    nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object() || !body.contains("query") ||
        !body["query"].is_string()) {
      return Fail(res, 400, "BadRequest",
                  "the body must be a JSON object {\"query\": \"...\", \"parameters\": {...}}");
    }
    text = body["query"].get<std::string>();
    for (const char* key : {"parameters", "params"}) {
      if (!body.contains(key)) continue;
      if (!body[key].is_object()) {
        return Fail(res, 400, "BadRequest", absl::StrCat("\"", key, "\" must be an object"));
      }
      for (auto it = body[key].begin(); it != body[key].end(); ++it) {
        absl::StatusOr<Value> v = query::ParamFromJson(it.value().dump());
        if (!v.ok()) {
          return Fail(res, 400, "BadRequest",
                      absl::StrCat("parameter ", it.key(), ": ", v.status().message()));
        }
        qo.params[it.key()] = *std::move(v);
      }
    }
  } else {
    text = req.body;
  }
  std::shared_ptr<Snapshot> snap = source->Current();
  query::QueryOutcome outcome = query::Run(snap->store(), text, qo);
  if (!outcome.ok()) {
    res.status = StatusForQueryError(outcome.error());
    res.set_content(QueryErrorJson(outcome.error()), kJson);
    return;
  }
  if (outcome.value().is_write) snap->DropNames();
  res.set_content(query::FormatJson(outcome.value()), kJson);
}

void Server::Impl::Entity(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  std::shared_ptr<Snapshot> snap = source->Current();
  std::unique_ptr<Txn> txn = snap->store().Begin();
  absl::StatusOr<std::vector<NodeId>> ids = ResolveEntity(*txn, name);
  if (!ids.ok()) return Fail(res, 500, "StorageError", ids.status().message());
  if (ids->empty()) {
    return Fail(res, 404, "EntityNotFound", absl::StrCat("no entity named '", name, "'"));
  }
  absl::StatusOr<EntityView> e = LoadEntity(*txn, ids->front(), kMaxEntityClaims);
  if (!e.ok()) return Fail(res, 500, "StorageError", e.status().message());
  std::vector<EndView> others;
  for (size_t i = 1; i < ids->size(); ++i) {
    absl::StatusOr<EntityView> o = LoadEntity(*txn, (*ids)[i], 0);
    if (o.ok()) others.push_back({o->name, o->label, false});
  }
  res.set_content(EntityJson(*e, others), kJson);
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  std::shared_ptr<Snapshot> snap = source->Current();
  absl::StatusOr<std::shared_ptr<const NameIndex>> names = snap->names();
  if (!names.ok()) return Fail(res, 500, "StorageError", names.status().message());
  std::string out = "[";
  bool first = true;
  for (const auto& h : (*names)->Search(req.get_param_value("q"), 20)) {
    absl::StrAppend(&out, first ? "" : ",", "{\"name\":");
    first = false;
    AppendJsonString(h.name, &out);
    out += ",\"label\":";
    AppendJsonString(h.label, &out);
    out += ",\"matched\":";
    AppendJsonString(h.matched, &out);
    out += "}";
  }
  out += "]\n";
  res.set_content(out, kJson);
}

void Server::Impl::Svg(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.get_param_value("entity");
  if (name.empty()) return Fail(res, 400, "BadRequest", "give ?entity=NAME");
  std::shared_ptr<Snapshot> snap = source->Current();
  absl::StatusOr<std::string> svg = NeighbourhoodSvg(snap->store(), name, DepthParam(req));
  if (!svg.ok()) return Fail(res, StatusForError(svg.status()), "Error", svg.status().message());
  res.set_content(*svg, "image/svg+xml; charset=utf-8");
}

void Server::Impl::Page(const httplib::Request& req, httplib::Response& res) {
  PageRequest page;
  page.query = req.get_param_value("q");
  page.entity = req.get_param_value("entity");
  page.depth = DepthParam(req);
  std::shared_ptr<Snapshot> snap = source->Current();
  absl::StatusOr<std::string> html = RenderPage(*snap, page);
  if (!html.ok()) {
    res.status = 500;
    res.set_content(absl::StrCat("<!doctype html><p>", exports::HtmlEscape(std::string(html.status().message())), "</p>"),
                    "text/html; charset=utf-8");
    return;
  }
  res.set_content(*html, "text/html; charset=utf-8");
}

void Server::Impl::Audit(const httplib::Request& req, httplib::Response& res) {
  if (!options.audit_json) {
    return Fail(res, 501, "NotImplemented",
                "this kg was built without the audit module (audit/); `kg audit` is not "
                "available here either");
  }
  std::shared_ptr<Snapshot> snap = source->Current();
  absl::StatusOr<std::string> json = options.audit_json(snap->store());
  if (!json.ok()) return Fail(res, StatusForError(json.status()), "AuditError", json.status().message());
  res.set_content(*json, kJson);
}

Server::Server(std::unique_ptr<StoreSource> source, ServeOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->source = std::move(source);
  impl_->options = std::move(options);
  Impl* impl = impl_.get();
  httplib::Server& http = impl->http;
  const int threads = std::max(1, impl->options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(impl->options.max_body_bytes);
  http.set_keep_alive_max_count(10000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  http.set_tcp_nodelay(true);
  http.Post("/query", [impl](const httplib::Request& q, httplib::Response& r) { impl->Query(q, r); });
  http.Get(R"(/entity/(.+))",
           [impl](const httplib::Request& q, httplib::Response& r) { impl->Entity(q, r); });
  http.Get("/search", [impl](const httplib::Request& q, httplib::Response& r) { impl->Search(q, r); });
  http.Get("/svg", [impl](const httplib::Request& q, httplib::Response& r) { impl->Svg(q, r); });
  http.Get("/audit", [impl](const httplib::Request& q, httplib::Response& r) { impl->Audit(q, r); });
  http.Get("/", [impl](const httplib::Request& q, httplib::Response& r) { impl->Page(q, r); });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Fail(res, 500, "InternalError", "the request failed");
  });
}

Server::~Server() = default;

absl::StatusOr<int> Server::Bind() {
  const ServeOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host.c_str());
    if (port < 0) return absl::UnavailableError(absl::StrCat("cannot listen on ", o.host));
    return port;
  }
  if (!impl_->http.bind_to_port(o.host.c_str(), port)) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", o.host, ":", port, " (in use, or not a local address)"));
  }
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace kg::serve
