// Progressive enhancement of the result form (everything works without it):
// choosing a project in step 1 goes straight to the full form.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.value) {
        select.form.submit();
      }
    });
  });
});
