"""Readers talking back: feedback votes, comments to the editors, donations."""

import logging
import re
import secrets

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from articles.clients import client_ip
from articles.forms import CommentForm, FeedbackForm
from articles.models import (
    AddressQuota,
    Article,
    DonationClick,
    Feedback,
    SiteSettings,
    address_hash,
)
from articles.models.quotas import HOUR
from articles.reader_forms import FormRefused, check_post

logger = logging.getLogger(__name__)
READER_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# What an article slug may hold; anything else (a NUL byte, which PostgreSQL
# refuses in a query) is not an article.
SLUG = re.compile(r"[-\w]+")
ONE_YEAR = 365 * 24 * 60 * 60


# Posted from pages cached for every reader, which carry no CSRF cookie:
# reader_forms.check_post() checks the shared form token and the Origin
# header instead, and Django's CSRF check for logged-in staff.
@method_decorator(csrf_exempt, name="dispatch")
class FeedbackView(View):
    """POST a yes/no vote (and, after a no, a reason). Answers JSON to scripts
    that ask for it, and redirects back to the article for plain forms."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        article = get_object_or_404(Article.objects.published(), slug=slug)
        try:
            check_post(request)
        except FormRefused as refusal:
            return self.refuse(request, article, str(refusal))
        form = FeedbackForm(request.POST)
        if not form.is_valid():
            error = next(iter(form.errors.values()))[0]
            return self.respond(request, article, error, status=400)

        reader = request.COOKIES.get(settings.NEWSROOM_READER_COOKIE, "")
        if not READER_TOKEN.match(reader):
            reader = secrets.token_urlsafe(24)
        helpful = form.cleaned_data["helpful"]
        votes = Feedback.objects.filter(article=article)
        address = address_hash(client_ip(request), "feedback")
        is_new_vote = not votes.filter(reader=reader).exists()
        if (
            is_new_vote
            and votes.filter(address_hash=address).count()
            >= settings.NEWSROOM_FEEDBACK_VOTES_PER_ADDRESS
        ):
            return self.respond(
                request,
                article,
                _("Too many votes came from your network today; please try tomorrow."),
                status=429,
            )
        reason = "" if helpful else form.cleaned_data["reason"]
        defaults = {"helpful": helpful}
        if reason or helpful:
            defaults["reason"] = reason
        Feedback.objects.update_or_create(
            article=article,
            reader=reader,
            defaults=defaults,
            create_defaults={**defaults, "address_hash": address},
        )
        if reason:
            message = _("Thank you. The editors will read your note.")
        elif helpful:
            message = _("Thank you for your feedback.")
        else:
            message = _("Thank you. What was missing? Tell us below if you like.")
        response = self.respond(
            request, article, message, ask_reason=not (helpful or reason)
        )
        response.set_cookie(
            settings.NEWSROOM_READER_COOKIE,
            reader,
            max_age=ONE_YEAR,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response

    def refuse(self, request: HttpRequest, article: Article, message: str):
        """403, keeping the reason the reader typed in a form to send again."""
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"ok": False, "message": message}, status=403)
        return TemplateResponse(
            request,
            "articles/feedback_refused.html",
            {
                "article": article,
                "message": message,
                "reason": request.POST.get("reason", "")[:500],
            },
            status=403,
        )

    def respond(
        self,
        request: HttpRequest,
        article: Article,
        message: str,
        *,
        status: int = 200,
        ask_reason: bool = False,
    ) -> HttpResponse:
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse(
                {"ok": status == 200, "message": message, "ask_reason": ask_reason},
                status=status,
            )
        level = messages.SUCCESS if status == 200 else messages.ERROR
        messages.add_message(request, level, message)
        query = "?feedback=reason" if ask_reason else ""
        return HttpResponseRedirect(f"{article.get_absolute_url()}{query}#feedback")


# Like FeedbackView: checked by reader_forms.check_post() in post().
@method_decorator(csrf_exempt, name="dispatch")
class CommentView(FormView):
    """A reader's comment to the editors: stored for the admin, sent by e-mail.
    The empty form is the same for every reader, so it may be cached."""

    form_class = CommentForm
    template_name = "articles/comment_form.html"

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            check_post(request)
        except FormRefused as refusal:
            form = self.get_form()
            form.is_valid()  # so the typed text is shown with its own errors
            form.add_error(None, str(refusal))
            form.restart_clock()
            return self.render_to_response(self.get_context_data(form=form), status=403)
        return super().post(request, *args, **kwargs)

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.article = get_object_or_404(
            Article.objects.published(), slug=kwargs["slug"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, **kwargs)

    def form_valid(self, form: CommentForm) -> HttpResponse:
        if not AddressQuota.objects.allow(
            client_ip(self.request),
            "comments",
            settings.NEWSROOM_COMMENTS_PER_ADDRESS_PER_HOUR,
            period=HOUR,
        ):
            form.add_error(
                None,
                _(
                    "Many messages came from your network in the last hour. Your "
                    "text is kept below: please send it again later."
                ),
            )
            return self.form_invalid(form)
        comment = form.save(commit=False)
        comment.article = self.article
        comment.save()
        self.notify_editors(comment)
        messages.success(
            self.request, _("Thank you. Your message has reached the editors.")
        )
        return HttpResponseRedirect(self.article.get_absolute_url())

    def form_invalid(self, form: CommentForm) -> HttpResponse:
        form.restart_clock()
        return super().form_invalid(form)

    def notify_editors(self, comment) -> None:
        site = SiteSettings.load()
        if not site.comments_email:
            return
        try:
            send_mail(
                subject=_("Reader comment on “%(title)s”")
                % {"title": self.article.title},
                message=_("From: %(name)s <%(email)s>\nArticle: %(url)s\n\n%(message)s")
                % {
                    "name": comment.name,
                    "email": comment.email or _("no address given"),
                    "url": self.article.get_full_url(),
                    "message": comment.message,
                },
                from_email=None,
                recipient_list=[site.comments_email],
            )
        except OSError:
            # The message is stored; editors still see it in the admin.
            logger.exception("Could not e-mail reader comment %s", comment.pk)


class DonatePageView(TemplateView):
    template_name = "articles/donate.html"


@method_decorator(never_cache, name="dispatch")
class DonationRedirectView(View):
    """Counts a click on the appeal, then sends the reader to the provider
    named in the site settings (or to the site's own page when none is).
    Clicks from one address beyond a daily bound still go through, uncounted."""

    def get(self, request: HttpRequest) -> HttpResponse:
        slug = request.GET.get("article", "")[:255]
        article = (
            Article.objects.published().filter(slug=slug).first()
            if SLUG.fullmatch(slug)
            else None
        )
        if AddressQuota.objects.allow(
            client_ip(request),
            "donation",
            settings.NEWSROOM_DONATION_CLICKS_PER_ADDRESS,
        ):
            DonationClick.objects.create(article=article)
        url = SiteSettings.load().donation_url or reverse("articles:donate")
        return HttpResponseRedirect(url)
