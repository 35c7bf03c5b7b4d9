"""Production refuses to start without its secrets, and says which one is missing."""

import pytest

from tests.production import PRODUCTION_ENV, run_django


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_names_the_missing_secret(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_django(env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_starts_with_everything_set():
    result = run_django()
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_no_call_to_other_hosts_from_the_admin(settings):
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
