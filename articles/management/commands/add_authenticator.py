from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Set up an authenticator app (TOTP) for a staff account and print the "
        "address to scan or type into it. The first staff account needs this "
        "when REQUIRE_TWO_FACTOR is on; later ones can be set up in the admin."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator app")

    def handle(self, *args, username: str, name: str, **options) -> None:
        try:
            user = get_user_model().objects.get(username=username, is_staff=True)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No staff account named {username!r}.") from error
        device = TOTPDevice.objects.create(user=user, name=name)
        self.stdout.write(
            f"Scan or type this into {username}'s authenticator app; it is shown "
            f"only now:\n\n  {device.config_url}\n"
        )
