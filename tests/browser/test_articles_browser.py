"""Reading offline: after one visit online, articles and search work with no network."""
from browser_helpers import wait_for_worker


def test_articles_and_search_work_offline_after_the_first_visit(page, context):
    page.goto("/")
    wait_for_worker(page)
    context.set_offline(True)
    page.goto("/articles")
    page.get_by_role("link", name="When to see a doctor").wait_for()
    for slug, heading in [("when-to-see-a-doctor", "Call for emergency help"),
                          ("nutrition-and-minerals", "Magnesium"),
                          ("caffeine-sleep-and-water", "How long caffeine stays with you")]:
        page.goto(f"/articles/{slug}")
        page.get_by_role("heading", name=heading, exact=True).wait_for()
        assert page.locator(".article-body a").count() > 0
    page.goto("/search?q=magnesium")
    first = page.locator("#search-results li").first
    first.wait_for()
    assert "Food, minerals and twitching" in first.inner_text()
    first.get_by_role("link").click()
    page.get_by_role("heading", name="Magnesium", exact=True).wait_for()
    assert page.url.endswith("/articles/nutrition-and-minerals#magnesium")
    page.goto("/search?q=eyelid")
    page.locator("#search-results li").first.wait_for()
    broken = page.evaluate("""() => [...document.images].filter((img) => !img.complete || !img.naturalWidth).length""")
    assert broken == 0


def test_reading_comfort_text_size_progress_and_history(page):
    page.goto("/articles/when-to-see-a-doctor")
    page.get_by_role("heading", name="When to see a doctor", level=1).wait_for()
    page.get_by_role("button", name="Larger text").click()
    assert page.locator("article").get_attribute("data-size") == "large"
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(700)
    page.goto("/articles/faq")
    page.get_by_role("heading", name="Questions people often ask", level=1).wait_for()
    assert page.locator("article").get_attribute("data-size") == "large"
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(700)
    page.goto("/articles")
    page.get_by_text("Continue reading:").wait_for()
    listing = page.locator(".article-list li", has_text="When to see a doctor").inner_text()
    assert "Read" in listing
