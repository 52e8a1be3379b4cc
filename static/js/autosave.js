// Keeps a working copy of the article form on the server (articles/admin/
// autosave.py): every few seconds while something changed, and when the page
// is left. Nothing here changes the article itself.
;// The admin loads its form scripts in the head: wait for the form.
window.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-autosave-url]")
  const form = box && box.closest("form")
  if (!form) return
  const status = box.querySelector("[data-autosave-status]")
  const url = box.dataset.autosaveUrl
  let submitting = false
  let lastSent = serialize(fields())

  function fields() {
    const data = new FormData(form)
    for (const [name, value] of [...data]) {
      // Files are uploaded by saving the form, never by an autosave.
      if (value instanceof File) data.delete(name)
    }
    return data
  }

  function serialize(data) {
    return JSON.stringify([...data].filter(([name]) => name !== "csrfmiddlewaretoken"))
  }

  function say(message, urgent) {
    status.textContent = message
    status.setAttribute("role", urgent ? "alert" : "status")
  }

  async function save() {
    const data = fields()
    const current = serialize(data)
    if (current === lastSent) return
    let response
    try {
      response = await fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
    } catch {
      say(box.dataset.offline, true)
      return
    }
    if (response.ok) {
      lastSent = current
      const time = new Date().toLocaleTimeString([], {
        hour: "2-digit",
        minute: "2-digit",
      })
      say(box.dataset.saved.replace("%(time)s", time), false)
    } else if (response.status === 403) {
      // The session ended: the text stays in this page, and the next
      // autosave after signing in (in another tab) keeps it.
      say(box.dataset.signedOut, true)
    } else {
      say(box.dataset.offline, true)
    }
  }

  function saveOnLeaving() {
    if (submitting) return
    const data = fields()
    if (serialize(data) === lastSent) return
    // A beacon outlives the page; it carries up to 64 KiB, which is why the
    // timer saves too.
    if (navigator.sendBeacon(url, data)) lastSent = serialize(data)
  }

  form.addEventListener("submit", () => {
    submitting = true
  })
  window.addEventListener("pagehide", saveOnLeaving)
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") saveOnLeaving()
  })
  window.setInterval(save, Number(box.dataset.autosaveSeconds) * 1000)

  // Restore: put the working copy into the form; saving it is up to the writer.
  const restore = box.querySelector("[data-autosave-restore]")
  const copy = document.getElementById("autosave-working-copy")
  if (!restore || !copy) return
  restore.hidden = false

  function addRows(working) {
    for (const total of form.querySelectorAll("input[name$='-TOTAL_FORMS']")) {
      const prefix = total.name.slice(0, -"-TOTAL_FORMS".length)
      const wanted = Number((working[total.name] || ["0"])[0])
      const group = document.getElementById(`${prefix}-group`)
      const add = group && group.querySelector(".add-row a")
      while (add && Number(total.value) < wanted) add.click()
    }
  }

  function put(element, values) {
    if (element.type === "hidden" || element.type === "file") return
    if (element.type === "checkbox" || element.type === "radio") {
      element.checked = values.includes(element.value)
    } else if (element.multiple) {
      for (const option of element.options) {
        option.selected = values.includes(option.value)
      }
    } else if (element.tagName === "SELECT") {
      if ([...element.options].some((option) => option.value === values[0])) {
        element.value = values[0]
      }
    } else {
      element.value = values[0] ?? ""
    }
    element.dispatchEvent(new Event("change", { bubbles: true }))
  }

  restore.addEventListener("click", () => {
    const working = JSON.parse(copy.textContent)
    addRows(working)
    for (const [name, values] of Object.entries(working)) {
      for (const element of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
        put(element, values)
      }
    }
    restore.closest("[data-autosave-notice]").remove()
    say(box.dataset.restored, false)
  })
})
