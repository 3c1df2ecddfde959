// Glas: the discussion beside each article of a draft, in place.
// Without this script everything works by ordinary links and forms (the server answers with the
// page, the article's discussion open). With it, posting, replying, supporting and paging happen
// without leaving the place in the text: the same request is sent, and the article's discussion is
// replaced by the one in the page the server answers with. A discussion whose comments are not on
// the page (only its count is) loads them when it is opened.
(function () {
  'use strict';

  function discussionOf(element) {
    return element.closest('details.discussion[data-block]');
  }

  function announce(details, text) {
    var body = details.querySelector('.discussion-body');
    if (!body || !text) {
      return;
    }
    var status = document.createElement('p');
    status.className = 'notice';
    status.setAttribute('role', 'status');
    status.textContent = text;
    body.insertBefore(status, body.firstChild);
  }

  function swap(details, html, focusNew) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var fresh = page.getElementById(details.id);
    if (!fresh) {
      return false;
    }
    var replacement = document.importNode(fresh, true);
    replacement.open = true;
    var hadFocus = details.contains(document.activeElement);
    details.replaceWith(replacement);
    if (hadFocus) {
      replacement.querySelector('summary').focus();
    }
    var notice = page.querySelector('main > .notice[role="status"]');
    announce(replacement, notice && notice.textContent.trim());
    var target = replacement.querySelector('.has-error textarea, .has-error input, [aria-invalid="true"]') ||
      (focusNew ? replacement.querySelector('.comment') : null);
    if (target) {
      if (!target.hasAttribute('tabindex') && target.matches('.comment')) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus();
    }
    return true;
  }

  function send(details, url, init, focusNew, fallback) {
    details.setAttribute('aria-busy', 'true');
    fetch(url, init)
      .then(function (response) {
        return response.text().then(function (html) {
          if (!swap(details, html, focusNew && response.ok)) {
            fallback();
          }
        });
      })
      .catch(fallback)
      .finally(function () {
        details.removeAttribute('aria-busy');
      });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var details = discussionOf(form);
    if (!details || (form.method || '').toLowerCase() !== 'post') {
      return;
    }
    event.preventDefault();
    var data = new FormData(form, event.submitter || undefined);
    var isNew = /handler=comment/.test(form.action);
    // The page comes back with this discussion open, whatever the action was.
    var url = new URL(form.action, window.location.href);
    url.searchParams.set('open', details.dataset.block);
    send(details, url.toString(), { method: 'POST', body: data, credentials: 'same-origin' }, isNew, function () {
      HTMLFormElement.prototype.submit.call(form);
    });
  });

  // Opening a discussion whose comments are not on the page loads them in place.
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.matches || !details.matches('details.discussion[data-src]') || !details.open || details.dataset.loaded) {
      return;
    }
    details.dataset.loaded = 'loading';
    var url = details.dataset.src;
    send(details, url, { credentials: 'same-origin' }, false, function () {
      window.location.href = url;
    });
  }, true);

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.all-comments, a.open-discussion, details.discussion .pager a');
    var details = link && discussionOf(link);
    if (!details || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    var url = link.href;
    send(details, url, { credentials: 'same-origin' }, false, function () {
      window.location.href = url;
    });
  });
})();
