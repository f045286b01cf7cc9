// The console works without this script; it only asks before a form that
// cannot be undone and submits a choice that switches the page.
"use strict";
document.addEventListener("submit", function (e) {
  var form = e.target;
  var submitter = e.submitter;
  var message = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
  if (message && !window.confirm(message)) e.preventDefault();
});
document.addEventListener("change", function (e) {
  if (e.target.matches && e.target.matches("select[data-autosubmit]")) e.target.form.submit();
});
