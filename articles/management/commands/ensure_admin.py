import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "On a site with no superuser, create one with a generated password and "
        "print the credentials once. Does nothing when a superuser exists."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An admin account exists already. Forgot its password? "
                "Run: .venv/bin/python manage.py changepassword <username>"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAdmin account created. Log in at {settings.SITE_URL}/admin/ with\n"
                f"  user name: {username}\n  password:  {password}\n"
                "This password is shown only now.\n"
            )
        )
