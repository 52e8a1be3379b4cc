"""Newsroom's one settings module, configured through environment variables.

With nothing set it runs for development: SQLite file, local-memory cache,
DEBUG on. A deployment sets SECRET_KEY, DEBUG=0, ALLOWED_HOSTS, SITE_URL,
DATABASE_URL (PostgreSQL) and CACHE_URL (Redis); see README.md.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = (
    "django-insecure-newsroom-development-key-never-use-in-production"
)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY

if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "Refusing to start: DEBUG is off but SECRET_KEY is not set, so the public "
        "development key would sign sessions and tokens. Set SECRET_KEY to a long "
        "random value (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
        "or set DEBUG=1 on a development machine."
    )

# The public origin readers reach the site on; feeds, republished copies and
# e-mails need absolute links that do not depend on the request's Host header.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
_site_host = urlsplit(SITE_URL).hostname or "localhost"
# Other addresses of this site (host or host:port), so that their pages are
# never counted as republishers.
NEWSROOM_OWN_HOSTS = env_list("OWN_HOSTS")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", f"{_site_host},localhost,127.0.0.1,[::1]" if DEBUG else _site_host
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    # The editorial desk first, so its admin templates extend Django's; then
    # Django's admin, whose site asks for a second factor and opens on the desk.
    "newsroom.desk",
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "taggit",
    "axes",
    "django_otp",
    # Only for its static files (the Tiptap build): articles/admin/editor.py.
    "django_prose_editor",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "articles",
    "newsroom.backups",
    "newsroom.wordpress",
]

MIDDLEWARE = [
    "newsroom.outages.DatabaseOutageMiddleware",
    # Before the others, as Django's own cache middleware: it stores the
    # finished response, so a reader served from the cache costs no more
    # than a cache look-up (see `make bench`).
    "articles.page_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages carry no per-visitor secret, so compressing them is safe;
    # staff pages' CSRF tokens are masked per response (BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "articles.compression.BrotliMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "newsroom.wordpress.middleware.LegacyRedirectMiddleware",
    "articles.middleware.TranslatedAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it answers for a login its backend refused.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site_settings",
                "articles.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A persistent connection is checked before reuse, so a worker whose
        # database (or pgbouncer) restarted reconnects instead of failing.
        conn_health_checks=True,
    )
}
# The public articles' index carries extra columns for PostgreSQL's
# index-only scans (articles.Article.Meta); SQLite ignores them, as it should.
SILENCED_SYSTEM_CHECKS = (
    ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []
)
# Behind pgbouncer in transaction mode, consecutive queries of one request
# may reach different server connections: named server-side cursors (used by
# .iterator()) would not survive between them. (Django already turns off
# psycopg's prepared statements, which would not either.)
if env_bool("PGBOUNCER_TRANSACTION_MODE", False):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            # Django's Redis cache that treats an outage as a miss: see
            # newsroom/cache.py. Short timeouts, so an unreachable server
            # costs a page a fraction of a second rather than a hang.
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured(
        f"CACHE_URL must be a redis:// or rediss:// URL, or empty for the "
        f"local-memory cache; got {CACHE_URL!r}."
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out sign-in is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong
# passwords for one user name from one address, that pair is refused for
# LOGIN_LOCKOUT_MINUTES. By pair, so an attacker elsewhere cannot lock an
# editor out, and one address cannot try many names without each counting.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "articles.clients.lockout_address"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Two-factor sign-in (django-otp, TOTP): offered to every staff account, and
# required of all of them when REQUIRE_TWO_FACTOR is on.
NEWSROOM_REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Newsroom")

_validators = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_validators}.{name}"}
    for name in [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["newsroom.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The web server's internal location for MEDIA_ROOT (for example
# "/protected-media/"): Django checks who may read a file, the server sends it.
NEWSROOM_MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
# Uploads go to MEDIA_ROOT, or, when a bucket is named, to S3-compatible
# object storage that every app server shares (newsroom/storage.py).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    # Credentials come from boto3's own AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY variables (or the machine's role), never settings.
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    # As on the file system: a second "photo.jpg" gets a name of its own
    # rather than replacing another article's picture.
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    _media_storage = {"BACKEND": "newsroom.storage.PrivateBucketStorage"}
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Tag addresses in ASCII ("corrupción" gives "corrupcion"), like every other
# subject's: the URL patterns' <slug:slug> accepts nothing else.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Uploaded images are refused above these bounds, read from the header, and
# then decoded in full in a separate process limited in memory and CPU time,
# so a small file that inflates to a huge bitmap, or trips a decoder bug,
# costs that process and never a worker. 25 million pixels is a 24-megapixel
# camera's frame; a logo of 600 × 60 is ten times wider than it is high.
NEWSROOM_MAX_IMAGE_BYTES = int(os.environ.get("MAX_IMAGE_BYTES", 10 * 1024 * 1024))
NEWSROOM_MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_PIXELS", 25_000_000))
NEWSROOM_MAX_IMAGE_ASPECT_RATIO = int(os.environ.get("MAX_IMAGE_ASPECT_RATIO", 20))
NEWSROOM_IMAGE_DECODE_MEMORY = (
    int(os.environ.get("IMAGE_DECODE_MEMORY_MB", 512)) * 1024 * 1024
)
NEWSROOM_IMAGE_DECODE_SECONDS = int(os.environ.get("IMAGE_DECODE_SECONDS", 10))
# Slow work (image renditions) goes to a queue in the database, which
# `manage.py db_worker` works through (README, "Media library and background
# work"). TASKS_IMMEDIATE=1 runs tasks inside the request instead, as the
# tests do.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("TASKS_IMMEDIATE") == "1"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
# The largest WordPress export editors may upload in the admin; larger ones
# are imported with the import_wordpress command.
NEWSROOM_WORDPRESS_MAX_UPLOAD_BYTES = int(
    os.environ.get("WORDPRESS_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Reader engagement: abuse bounds and how long personal data is kept.
NEWSROOM_FEEDBACK_VOTES_PER_ADDRESS = int(
    os.environ.get("FEEDBACK_VOTES_PER_ADDRESS", 20)
)
NEWSROOM_COMMENTS_PER_ADDRESS_PER_HOUR = int(
    os.environ.get("COMMENTS_PER_ADDRESS_PER_HOUR", 5)
)
NEWSROOM_DONATION_CLICKS_PER_ADDRESS = int(
    os.environ.get("DONATION_CLICKS_PER_ADDRESS", 20)
)
NEWSROOM_REPUBLICATION_VIEWS_PER_ADDRESS = int(
    os.environ.get("REPUBLICATION_VIEWS_PER_ADDRESS", 50)
)
NEWSROOM_COMMENT_MIN_SECONDS = int(os.environ.get("COMMENT_MIN_SECONDS", 3))
NEWSROOM_COMMENT_FORM_MAX_AGE = 6 * 60 * 60
NEWSROOM_PERSONAL_DATA_DAYS = int(os.environ.get("PERSONAL_DATA_DAYS", 90))
NEWSROOM_READER_COOKIE = "newsroom_reader"
# Deleted articles and news wait this long in the trash before purge_trash
# removes them for good.
NEWSROOM_TRASH_DAYS = int(os.environ.get("TRASH_DAYS", 30))
# Where the client's address is: REMOTE_ADDR when clients connect directly,
# or the header the proxies in front set (HTTP_X_FORWARDED_FOR, read
# TRUSTED_PROXIES entries from the right; or HTTP_X_REAL_IP). See
# articles/clients.py; `check --deploy` warns about settings that cannot be right.
NEWSROOM_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR")
NEWSROOM_TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", 1))

# Anonymous readers' pages, feeds and sitemaps are served from the cache
# until the public content changes. Off by default while developing, so that
# a template edit shows at once.
NEWSROOM_PAGE_CACHE = env_bool("PAGE_CACHE", not DEBUG)
# How long readers' browsers and shared caches (a CDN, a proxy) may keep a
# public page. Changes purge shared caches named in PURGE_URLS at once.
NEWSROOM_HTTP_CACHE = {
    "max_age": int(os.environ.get("HTTP_MAX_AGE", 60)),
    "s_maxage": int(os.environ.get("HTTP_SHARED_MAX_AGE", 600)),
    "stale_while_revalidate": int(os.environ.get("HTTP_STALE_WHILE_REVALIDATE", 30)),
}
NEWSROOM_PURGE_URLS = env_list("PURGE_URLS")
# How long a cached page's reader forms (feedback, comments) stay usable.
NEWSROOM_READER_FORM_MAX_AGE = 24 * 60 * 60

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

NEWSROOM_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
# The admin is held to the same policy: its own scripts and styles are files
# too, and its widgets set styles from scripts, which a policy allows (only
# style attributes in markup are not). Kept apart so the two may diverge.
NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY = NEWSROOM_CONTENT_SECURITY_POLICY
NEWSROOM_ADMIN_PATH = "/admin/"
# How often the article form keeps a working copy (articles/admin/autosave.py).
NEWSROOM_AUTOSAVE_SECONDS = int(os.environ.get("AUTOSAVE_SECONDS", 30))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if not SECURE_HSTS_PRELOAD:
        # Turning preload off is a deliberate choice (a subdomain without
        # HTTPS, say); the check that nags about it has nothing left to say.
        SILENCED_SYSTEM_CHECKS += ["security.W021"]
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
