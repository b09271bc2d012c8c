"""Steps that several browser tests share."""


def wait_for_worker(page):
    """Waits until the service worker controls the page (the first visit installs it)."""
    page.evaluate("""async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
            await new Promise((resolve) =>
                navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        }
    }""")


def sign_up(page, email, password="correct horse battery", name="Robin"):
    page.goto("/signup")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/")
    page.get_by_role("heading", name=f"Hello, {name}").wait_for()
