"""Spam stopped without a third party: a honeypot, a minimum fill time and a rate limit per address.

No CAPTCHA and no outside script: a visitor's browser talks to no other host. The rate limit lives in
the shared Django cache (Redis in production), keyed by a keyed hash of the address, so no plain IP
address is ever stored. When that cache cannot be reached the limit fails closed: the reply is refused
with "not sent, please try again" (503) rather than let through uncounted.
"""

import contextlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

HONEYPOT_FIELD = "website-address"
STARTED_FIELD = "form-token"
STARTED_SALT = "membership.form-started"
RATE_LIMIT_SALT = "membership.rate-limit"


def form_started_token(page, issued_at=None):
    """A signed note of when the form was shown, so a reply sent too quickly (by a script) is recognised."""
    return signing.dumps(
        {"form": str(page.translation_key), "at": time.time() if issued_at is None else issued_at},
        salt=STARTED_SALT,
    )


def seconds_since_started(page, token):
    """How long the visitor had the form; None when the token is missing, forged, too old or for another form."""
    try:
        started = signing.loads(token or "", salt=STARTED_SALT, max_age=settings.MEMBER_FORMS_MAX_FILL_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(started, dict) or started.get("form") != str(page.translation_key):
        return None
    try:
        return time.time() - float(started["at"])
    except (KeyError, TypeError, ValueError):
        return None


def client_address(request):
    """The visitor's address; behind TRUSTED_PROXY_COUNT proxies, the one the outermost proxy saw."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RateLimitUnavailableError(Exception):
    """The shared cache that counts attempts cannot be reached, so this attempt cannot be counted."""


def address_hash(request):
    """A keyed hash of the visitor's address: what rate limits count by, never the address itself."""
    return salted_hmac(RATE_LIMIT_SALT, client_address(request)).hexdigest()


def attempts_key(scope, identity, window):
    return f"membership:{scope}:{identity}:{int(time.time() // window)}"


def count_attempt(scope, identity, limit, window):
    """Count one attempt for `identity` (already hashed) in its window of seconds; True once it exceeds `limit`.

    Raises RateLimitUnavailableError when the cache is down: production's cache ignores its connection
    errors (so that pages keep working) and then answers None, which here means "not counted".
    """
    key = attempts_key(scope, identity, window)
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        attempts = 1 if cache.add(key, 1, timeout=window) is not None else None
    if attempts is None:
        raise RateLimitUnavailableError
    return attempts > limit


def over_rate_limit(request):
    """Count this attempt for the visitor's address; True once it exceeds MEMBER_FORMS_RATE_LIMIT in its window."""
    limit, window = settings.MEMBER_FORMS_RATE_LIMIT
    return count_attempt("attempts", address_hash(request), limit, window)


def forgive_attempt(scope, identity, window):
    """Take back one counted attempt (it succeeded), so that only failures use up the limit."""
    with contextlib.suppress(ValueError):  # the window ended meanwhile: nothing left to take back
        cache.decr(attempts_key(scope, identity, window))
