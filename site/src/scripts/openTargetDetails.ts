/**
 * `/faq/#anchor` opens that question: its `<details>` opens when the page is opened at the
 * anchor or the anchor changes. Without JavaScript the browser still scrolls to the question,
 * which opens with a tap.
 */
function openTargetDetails(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const details = target?.closest("details");
  if (!target || !details || details.open) return;
  details.open = true;
  target.scrollIntoView();
}

openTargetDetails();
addEventListener("hashchange", openTargetDetails);
