// «رد»: without this script the link opens the article with ?replytocom=ID, whose form replies to that comment.
// With it, the form itself moves under the comment (as WordPress does), and «إلغاء الرد» puts it back.
(() => {
    const respond = document.getElementById("respond");
    const parent = document.getElementById("comment_parent");
    if (!respond || !parent) return;
    const home = document.createElement("div");
    home.hidden = true;
    respond.before(home);
    const title = document.getElementById("respond-title");
    const cancel = respond.querySelector(".cancel-reply");
    const original = title.cloneNode(true);

    function replyTo(comment, id) {
        const author = comment.querySelector(".comment-author")?.textContent.trim() ?? "";
        const name = document.createElement("bdi");
        name.textContent = author;
        title.replaceChildren("ردّ على ", name);
        parent.value = id;
        cancel.hidden = false;
        comment.querySelector(".comment-reply").after(respond);
        respond.querySelector("textarea")?.focus();
    }

    document.addEventListener("click", (event) => {
        const target = event.target instanceof Element ? event.target : null;
        const link = target?.closest("a.comment-reply-link");
        if (link) {
            event.preventDefault();
            replyTo(link.closest("li.comment"), link.dataset.replyTo);
            return;
        }
        if (target?.closest(".cancel-reply a")) {
            event.preventDefault();
            title.replaceChildren(...original.cloneNode(true).childNodes);
            parent.value = "0";
            cancel.hidden = true;
            home.after(respond);
            respond.querySelector("textarea")?.focus();
        }
    });
})();
