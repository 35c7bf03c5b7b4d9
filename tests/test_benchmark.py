"""The benchmark command measures every live page and the API; it refuses to measure a debug-mode site."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page


@pytest.mark.django_db
def test_every_live_page_and_the_api_are_measured(capsys):
    call_command("benchmark", "--repeat", "1")
    report = capsys.readouterr().out
    for page in Page.objects.live().public().filter(depth__gt=1):
        assert f"\n{page.url} " in report
    assert "/api/v2/site/?locale=fr " in report
    assert "page: 57 addresses" in report
    assert "within the 50 KB budget" in report


@pytest.mark.django_db
def test_debug_mode_is_refused(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="DEBUG=false"):
        call_command("benchmark")
