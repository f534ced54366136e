//! What every operation can answer besides its own statuses, added to the published document
//! in one place so that it states every status the server really uses: a body that is not JSON
//! (400), too large (413) or of the wrong shape (422); no or a dead session (401); a
//! state-changing cookie request without its CSRF token (403); and a database too busy to take
//! a write in time (503, with `Retry-After`).

use utoipa::openapi::path::Operation;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

fn error(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build(),
    )
}

fn add(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| error(description));
}

/// Adds the common statuses to every operation of `doc`.
pub fn document_common_statuses(doc: &mut OpenApi) {
    for item in doc.paths.paths.values_mut() {
        let ops = [
            (false, item.get.as_mut()),
            (true, item.post.as_mut()),
            (true, item.put.as_mut()),
            (true, item.patch.as_mut()),
            (true, item.delete.as_mut()),
        ];
        for (writes, op) in ops {
            let Some(op) = op else { continue };
            let has_query = op.parameters.as_ref().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p.parameter_in == utoipa::openapi::path::ParameterIn::Query)
            });
            if has_query {
                add(
                    op,
                    "422",
                    "A parameter is out of its range or has the wrong type.",
                );
            }
            if op.request_body.is_some() {
                add(op, "400", "The body is not JSON.");
                add(op, "413", "The body is larger than the server accepts.");
                add(op, "422", "A field is missing or has the wrong type.");
            }
            let signed_in = op.security.as_ref().is_some_and(|s| !s.is_empty());
            if signed_in {
                add(op, "401", "No session, or it has ended.");
                if writes {
                    add(op, "403", "A cookie request without its CSRF token.");
                }
            }
            if writes {
                add(
                    op,
                    "503",
                    "The database is busy; try again after Retry-After.",
                );
            }
        }
    }
}
