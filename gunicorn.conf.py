"""gunicorn's settings for the app servers; `gunicorn utsopi_site.wsgi` reads this file from the working directory.

Each value can be changed per server by an environment variable (README, Production).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Two workers per core plus one: requests mostly wait for PostgreSQL, Redis or S3.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A request slower than this is stopped (the load balancer then tries another server); a worker that
# is stopped or restarted gets this long to finish the requests it has.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Workers are renewed now and then, so that a slow leak never builds up; the jitter keeps them apart.
max_requests = 2000
max_requests_jitter = 200
# The CDN or load balancer in front says whether the visitor came over HTTPS (X-Forwarded-Proto,
# read by Django's SECURE_PROXY_SSL_HEADER) and from where. Trust these headers only from the
# addresses of the proxies, listed in FORWARDED_ALLOW_IPS (comma-separated); 127.0.0.1 alone by default.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access logs would record visitors' addresses and the pages they read: off. Errors go to stderr.
accesslog = None
errorlog = "-"
