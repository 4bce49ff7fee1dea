// «نسخ الرابط»: without this script it is a plain link to the article, which the reader can copy from the
// browser's menu; with it, a click copies the address and says so in the live region next to it.
document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.share-copy") : null;
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    const status = link.parentElement.querySelector(".share-status");
    try {
        await navigator.clipboard.writeText(link.href);
        status.textContent = "نُسخ رابط المقال.";
    } catch {
        status.textContent = "تعذّر النسخ؛ انسخ الرابط من شريط العنوان.";
    }
});
