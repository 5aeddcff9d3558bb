"""axe-core finds no violation on any public page type, in German and Arabic.

The rules: WCAG 2.0 and 2.1, levels A and AA, then axe's best practices.

axe.min.js comes from npm (package-lock.json; `make e2e` runs `npm ci`). Every <details>
(language switcher, filter facets, questions and answers) is opened first, so that what it
hides is checked too.
"""

import pytest

from .conftest import LANGUAGES

PAGES = (
    "home",
    "offers",  # with a topic filter applied
    "offer",
    "partners",
    "partner",
    "events",
    "consultation",
    "courses",
    "course",
    "search",
    "standard",
    "help_check",
    "appointment",
    "youth",
    "not_found",
    "offline",
)
STATUS = {"not_found": 404}
# WCAG 2.0 and 2.1, levels A and AA; then, separately, axe's best practices (unique landmark
# names, one main landmark, all content in landmarks, heading order and the like).
RULE_SETS = {
    "WCAG 2.1 A/AA": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    "best practice": ["best-practice"],
}

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
            target: node.target.join(" "),
            summary: node.failureSummary,
        })),
    }));
}"""


def report(violations):
    """One readable block per rule: id, impact, help, then each offending element."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    - {node['target']}")
            lines.extend(
                f"        {detail.strip()}"
                for detail in (node["summary"] or "").splitlines()
                if detail.strip()
            )
    return "\n".join(lines)


def axe_failures(page, axe_script):
    """axe's violations on ``page``, one block per rule set; every <details> opened first."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.add_script_tag(path=axe_script)
    failures = []
    for rule_set, tags in RULE_SETS.items():
        violations = page.evaluate(RUN_AXE, tags)
        if violations:
            failures.append(f"{rule_set}: {len(violations)} rule(s) violated\n{report(violations)}")
    return failures


def page_url(pages, page_name):
    url = pages[page_name]
    if page_name == "offers":
        url += f"?topic={pages['topic']}"
    return url


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", [*LANGUAGES, "fa"])
def test_no_accessibility_violations(site, new_context, axe_script, language, page_name):
    base_url, all_pages = site
    pages = all_pages[language]
    # The site's Content-Security-Policy allows no inline script, and add_script_tag inserts
    # axe as one; bypass_csp lets it run. Only this test bypasses the policy.
    page = new_context(locale=language, bypass_csp=True).new_page()
    response = page.goto(base_url + page_url(pages, page_name))
    assert response.status == STATUS.get(page_name, 200)
    assert page.evaluate("document.documentElement.lang") == language

    failures = axe_failures(page, axe_script)
    if failures:
        print(f"\n{language} {page_name} ({page.url}):\n" + "\n".join(failures))
    assert not failures, "\n".join(failures)
