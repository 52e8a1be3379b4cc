"""Signing in to the admin: a password, then a one-time code for those who need one.

A staff account needs a code from its authenticator app (TOTP, django-otp)
when it has one set up, and every staff account needs one when the
REQUIRE_TWO_FACTOR setting is on: an editor's password alone must not open
the desk to someone who phished it. Wrong passwords are throttled by
django-axes (see settings), before this form's second step is reached.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


def needs_second_factor(user) -> bool:
    return settings.NEWSROOM_REQUIRE_TWO_FACTOR or user_has_device(user)


class TwoFactorAuthenticationForm(OTPAdminAuthenticationForm):
    def clean(self):
        # The password check only: django-otp's own clean() would demand a
        # code of every account, with an authenticator or not.
        cleaned_data = super(OTPAdminAuthenticationForm, self).clean()
        user = self.get_user()
        if user is not None and needs_second_factor(user):
            if not user_has_device(user):
                raise ValidationError(
                    _(
                        "This site requires two-factor sign-in, and your account "
                        "has no authenticator yet. Ask an administrator to set one "
                        "up for you."
                    ),
                    code="no_device",
                )
            self.clean_otp(user)
        return cleaned_data


class NewsroomAdminSite(OTPAdminSite):
    login_form = TwoFactorAuthenticationForm

    def __init__(self, name: str = "admin"):
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        # Django's check (active staff), then a code for those who need one;
        # OTPAdminSite's own would require a code of everyone.
        user = request.user
        return admin.AdminSite.has_permission(self, request) and (
            user.is_verified() or not needs_second_factor(user)
        )
