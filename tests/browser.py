"""Helpers for the browser tests: accessibility checks and kept screenshots."""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
_axe = Axe()


def assert_accessible(page: Page) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    results = _axe.run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            },
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    assert not violations, "\n".join(
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def rich_text(page: Page, field_id: str) -> Locator:
    """The editor standing in for the rich-text textarea ``field_id``."""
    return page.locator(f".prose-editor:has(#{field_id}) .ProseMirror")


def write_rich_text(page: Page, field_id: str, text: str) -> None:
    """Type ``text`` at the end of a rich-text field, as a writer would."""
    editor = rich_text(page, field_id)
    editor.click()
    page.keyboard.press("ControlOrMeta+End")
    page.keyboard.type(text)


def toolbar_button(page: Page, field_id: str, name: str) -> Locator:
    return page.locator(f".prose-editor:has(#{field_id})").get_by_role(
        "button", name=name, exact=True
    )


def settle(page: Page) -> None:
    """Wait two frames: the editor reads a moved selection from the
    browser's selectionchange event, which a loaded machine may deliver after
    the next key press."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame("
        "() => requestAnimationFrame(done)))"
    )
