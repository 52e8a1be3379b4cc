from django.http import HttpRequest, HttpResponse

from newsroom.desk.queues import queues_for
from newsroom.sign_in import NewsroomAdminSite


class DeskSite(NewsroomAdminSite):
    """The admin site (two-factor sign-in), whose home page is the person's
    desk: the work waiting for them, then the usual list of what they may
    manage."""

    index_template = "admin/desk/index.html"

    def index(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        context = {"queues": queues_for(request.user), **(extra_context or {})}
        return super().index(request, context)
