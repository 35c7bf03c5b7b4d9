"""The member's secret is kept only as a slow hash, and a correction leaves no answer readable in a dump."""

import re
import time

from django.contrib.auth.hashers import ScryptPasswordHasher
from django.urls import reverse
from django.utils import translation

from membership.models import Submission
from tests.member_data import form_page, reply
from tests.test_encryption_at_rest import database_dump

SECRET_SHOWN = re.compile(r'class="member-key__secret" translate="no">([0-9A-Z-]+)</strong>')
REFERENCE_SHOWN = re.compile(r'<strong translate="no">(UTS-[0-9A-Z-]+)</strong>')


def test_the_secret_is_kept_only_as_a_slow_hash_and_no_answer_is_in_a_dump(client, committed):
    marker = f"Marker{time.monotonic_ns()}"
    page = form_page("membership", "fr")
    html = client.post(page.url, reply(page, chosen_name=marker, contact=f"{marker}@example.org")).content.decode()
    reference, secret = REFERENCE_SHOWN.search(html).group(1), SECRET_SHOWN.search(html).group(1)
    assert Submission.objects.get(reference=reference).secret_hash.startswith(f"{ScryptPasswordHasher.algorithm}$")

    dump = database_dump()
    assert reference.encode() in dump, "the dump does contain the submission"
    assert secret.encode() not in dump
    assert secret.replace("-", "").encode() not in dump
    assert marker.encode() not in dump

    with translation.override("fr"):
        client.post(reverse("membership_my_sign_up"), {"reference": reference, "secret": secret})
        correction = {**reply(page, chosen_name=marker, contact=f"corrected-{marker}@example.org"), "revision": "0"}
        client.post(reverse("membership_my_sign_up_correct"), correction)
    assert Submission.objects.get(reference=reference).form_data["contact"] == f"corrected-{marker}@example.org"
    dump = database_dump()
    assert marker.encode() not in dump
    assert secret.encode() not in dump
