"""Small helpers every app's OpenAPI fragment is written with (utsopi_site/api/openapi.py assembles them).

Each app that adds operations or schemas to the content API has an `openapi_fragment()` in its `api.py`,
returning {"paths": {...}, "schemas": {...}} (OpenAPI 3.1).
"""

STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


ERROR = ref("Error")
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}


def obj(properties, required=None, additional=False):
    """An object with these properties, all required unless said otherwise, and no others unless `additional`."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": additional,
    }


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


NOT_FOUND = {"404": json_response("Nothing with this id.", ERROR)}
