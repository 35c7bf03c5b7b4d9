"""Real servers for the production tests, each on a free 127.0.0.1 port and stopped afterwards.

A private PostgreSQL cluster (never the shared one: tests restart it), a private redis-server (tests
stop it), an S3-compatible server (moto in server mode) and two gunicorn app servers with the
production settings on that one database, Redis and bucket. A missing binary skips these tests,
saying which; with REQUIRE_SERVERS=1 (CI) or REQUIRE_BROWSER=1 it fails them instead.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

PROJECT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
REDIS_SERVER = "/usr/bin/redis-server"
MOTO_SERVER = Path(sys.executable).parent / "moto_server"
GUNICORN = Path(sys.executable).parent / "gunicorn"
BUCKET = "utsopi-media"
MEMBER_DATA_KEY = "3q2Yt0pqfmUo6oM0C3l4bq9mNn1nJbS3sFvQ2lYk3lE="
SECRET_KEY = "production-tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"


def require_servers(condition, reason):
    if condition:
        return
    if os.environ.get("REQUIRE_SERVERS") or os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"The production tests need real servers but {reason}", pytrace=False)
    pytest.skip(f"Production tests skipped: {reason}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process=None, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"The server for port {port} stopped at start (exit {process.returncode}).")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"Nothing answered on 127.0.0.1:{port} within {seconds} s.")


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class PostgresCluster:
    """initdb into a temporary directory, run as the postgres user (initdb refuses root), own port and socket."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *command):
        subprocess.run([*self.as_postgres, *command], check=True, capture_output=True, cwd=self.directory)

    def init(self):
        shutil.chown(self.directory, "postgres") if os.geteuid() == 0 else None
        self.run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")

    def start(self):
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.directory} -c fsync=off"
        self.run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.directory / "log"),
            "-w",
            "start",
        )

    def stop(self):
        self.run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)

    def stop(self):
        stop(self.process)


class AppServer:
    def __init__(self, env):
        self.port = free_port()
        self.env = env
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(GUNICORN), "utsopi_site.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}"],
            cwd=PROJECT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)
        self.wait_until_alive()

    def wait_until_alive(self, seconds=180):
        """The port opens before the workers have loaded Django: wait until one answers, on a busy machine too."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz", timeout=10).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"The app server on port {self.port} did not answer /healthz within {seconds} s.")

    def get(self, path, **kwargs):
        return requests.get(self.url + path, **with_site_headers(kwargs))  # noqa: S113 (the timeout is set there)

    def post(self, path, **kwargs):
        return requests.post(self.url + path, **with_site_headers(kwargs))  # noqa: S113 (the timeout is set there)


def with_site_headers(kwargs):
    """As the CDN sends them: HTTPS said in X-Forwarded-Proto, and no redirect followed."""
    kwargs.setdefault("timeout", 60)
    kwargs.setdefault("allow_redirects", False)
    kwargs["headers"] = {"X-Forwarded-Proto": "https", "Host": "utsopi.example", **kwargs.get("headers", {})}
    return kwargs


class Stack:
    """The production site on real servers: one database, one Redis, one bucket, two app servers."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.postgres = PostgresCluster(self.directory / "postgres")
        self.redis = RedisServer()
        self.s3_port = free_port()
        self.s3 = None
        self.apps = []

    @property
    def env(self):
        clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
        return {
            **clean,
            "DJANGO_SETTINGS_MODULE": "utsopi_site.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "utsopi.example",
            "WAGTAILADMIN_BASE_URL": "https://utsopi.example",
            "DATABASE_URL": self.postgres.url("utsopi"),
            "REDIS_URL": f"redis://127.0.0.1:{self.redis.port}/0",
            "MEMBER_DATA_KEYS": MEMBER_DATA_KEY,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.s3_port}",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "GUNICORN_WORKERS": "2",
            "TRUSTED_PROXY_COUNT": "1",
        }

    def manage(self, *arguments, env=None, check=True):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            check=check,
        )

    def shell(self, code):
        """Run Python in the site with the production settings (as an operator's `manage.py shell` would)."""
        return self.manage("shell", "--no-imports", "-c", code).stdout.strip()

    def start(self):
        self.postgres.directory.mkdir()
        self.postgres.init()
        self.postgres.start()
        subprocess.run(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.postgres.port), "-U", "postgres", "utsopi"],
            check=True,
        )
        self.redis.start()
        self.s3 = subprocess.Popen(
            [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(self.s3_port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.s3_port, self.s3)
        self.bucket_client().create_bucket(Bucket=BUCKET)
        self.manage("migrate", "--noinput")
        self.manage("load_initial_content", "--if-empty")
        self.manage("collectstatic", "--noinput", "-v0")
        self.apps = [AppServer(self.env), AppServer(self.env)]

    def bucket_client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.s3_port}",
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def stop(self):
        for app in self.apps:
            stop(app.process)
        if self.s3 is not None:
            stop(self.s3)
        if self.redis.process is not None:
            self.redis.stop()
        if (self.postgres.data / "postmaster.pid").exists():
            self.postgres.stop()


@pytest.fixture(scope="session")
def production_site():
    """The production site on real servers, built once per test run (about a minute) and stopped afterwards."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("Production tests run once per CI, with the PostgreSQL suite (set DATABASE_URL=postgres://...).")
    for binary in [PG_BIN / "initdb", PG_BIN / "pg_ctl", Path(REDIS_SERVER), MOTO_SERVER, GUNICORN]:
        require_servers(binary.exists(), f"{binary} is missing (README: Production, tests).")
    require_servers(os.geteuid() != 0 or shutil.which("runuser"), "runuser is missing to run PostgreSQL as postgres.")
    directory = tempfile.mkdtemp(prefix="utsopi-servers-")
    os.chmod(directory, 0o755)  # noqa: S103 (the postgres user must reach its cluster inside)
    stack = Stack(directory)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(directory, ignore_errors=True)


ADMIN_SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
user, _ = get_user_model().objects.get_or_create(
    username="{username}", defaults={{"is_superuser": True, "is_staff": True}}
)
device, _ = TOTPDevice.objects.get_or_create(user=user, name="phone", defaults={{"confirmed": True}})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.create()
print(session.session_key)
"""


def admin_cookies(stack, username="operations-admin"):
    """A signed-in admin with two-factor done, as after a real sign-in (the session lives in the database)."""
    return {"sessionid": stack.shell(ADMIN_SESSION.format(username=username))}


def cookie_header(cookies):
    """Cookies sent by hand: the production cookies are Secure, and the test servers speak plain HTTP."""
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def admin_post(app, path, cookies, data=None, files=None):
    """GET an admin form for its CSRF token, then POST it, as the admin's browser does."""
    page = app.get(path, headers={"Cookie": cookie_header(cookies)})
    assert page.status_code == 200, page.status_code
    token = page.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    cookies = {**cookies, "csrftoken": page.cookies.get("csrftoken") or cookies.get("csrftoken", "")}
    return app.post(
        path,
        data={"csrfmiddlewaretoken": token, **(data or {})},
        files=files,
        headers={"Cookie": cookie_header(cookies), "Referer": "https://utsopi.example" + path},
    )


def form_page_ids(app):
    pages = app.get("/api/v2/pages/?type=membership.FormPage&limit=50").json()["items"]
    return [page["id"] for page in pages]


def answer_from_schema(question):
    if question["type"] == "checkbox":
        return True
    if question["type"] in {"checkboxes", "multiselect"}:
        return [question["choices"][0]["key"]]
    if question["type"] in {"radio", "dropdown"}:
        return question["choices"][0]["key"]
    if question["type"] == "email":
        return "sam@example.org"
    return "Sam"


def valid_reply(app, page_id):
    """A complete JSON reply; its token is fresh, so wait MEMBER_FORMS_MIN_FILL_SECONDS before sending it."""
    questions = app.get(f"/api/v2/pages/{page_id}/").json()["form"]["questions"]
    token = app.get(f"/api/v2/forms/{page_id}/").json()["form_token"]
    return {"answers": {q["key"]: answer_from_schema(q) for q in questions}, "form_token": token}


def send_reply(app, page_id, reply, address):
    """POST a JSON reply from a visitor at `address` (the CDN's X-Forwarded-For; TRUSTED_PROXY_COUNT=1)."""
    return app.post(f"/api/v2/forms/{page_id}/", json=reply, headers={"X-Forwarded-For": address})


def stored_references(stack):
    return set(
        stack.shell(
            "from membership.models import Submission\nprint(*Submission.objects.values_list('reference', flat=True))"
        ).split()
    )
