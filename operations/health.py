"""Health checks for the load balancer: /healthz (the process answers) and /readyz (it can serve the site).

Answered by a middleware placed first, before the HTTPS redirect, the host check and the language
lookup, so that a load balancer asking over plain HTTP by address gets the answer itself, and so that
/healthz never touches the database. The JSON says only which part is unavailable, never why.
"""

import logging
import secrets

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

HEALTH_PATHS = {"/healthz", "/readyz"}
STORAGE_PROBE_NAME = "readyz-probe"
# Once every migration is applied, it stays so until the code changes, which means a new process.
_migrations_applied = False


def answer(data, status=200):
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)  # includes no-store: a CDN or proxy must never keep a health answer
    return response


def database_reachable():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def migrations_applied():
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_applied


def cache_reachable():
    """Write and read back a random value: a cache that ignores its errors (django-redis) returns None."""
    key = f"operations:readyz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    reached = cache.get(key) == value
    cache.delete(key)
    return reached


def storage_reachable():
    default_storage.exists(STORAGE_PROBE_NAME)
    return True


def check(name, probe):
    try:
        return "ok" if probe() else "unavailable"
    except Exception as error:  # any failure means "not ready"; the log names its type, the answer nothing
        logger.warning("Readiness check %s failed (%s).", name, type(error).__name__)
        return "unavailable"


def readiness():
    """The database and its migrations are required; without the cache or storage the site still serves, degraded.

    A Redis or S3 outage concerns every app server at once: taking them all out of the load balancer
    would turn a degraded site into no site, so those two report "degraded" with status 200.
    """
    checks = {"database": check("database", database_reachable)}
    checks["migrations"] = check("migrations", migrations_applied) if checks["database"] == "ok" else "unavailable"
    checks["cache"] = check("cache", cache_reachable)
    checks["storage"] = check("storage", storage_reachable)
    if checks["database"] != "ok" or checks["migrations"] != "ok":
        return answer({"status": "unavailable", "checks": checks}, status=503)
    status = "ready" if all(result == "ok" for result in checks.values()) else "degraded"
    return answer({"status": status, "checks": checks})


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in HEALTH_PATHS:
            return self.get_response(request)
        if request.method not in {"GET", "HEAD"}:
            response = answer({"status": "method not allowed"}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        if request.path_info == "/healthz":
            return answer({"status": "alive"})
        return readiness()
