// The rich-text editor of the admin (articles/admin/editor.py says why it
// is configured here rather than by the library's preset scripts).
import * as library from "../django_prose_editor/editor.js"

const { Editor, Node, crel, updateAttrsDialog } = library

function labelsOf(textarea) {
  return JSON.parse(textarea.dataset.richTextLabels || "{}")
}

// A "see also" box: one line of links, the markup articles/sanitize.py
// labels in the stored page.
const SeeAlso = Node.create({
  name: "seeAlso",
  group: "block",
  content: "inline*",
  defining: true,
  parseHTML() {
    return [{ tag: "aside.see-also" }]
  },
  renderHTML() {
    return ["aside", { class: "see-also" }, 0]
  },
  addCommands() {
    return {
      toggleSeeAlso:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, "paragraph"),
    }
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "seeAlso",
      groups: "nodes",
      button: buttons.material("read_more", this.options.label),
      command(editor) {
        editor.chain().focus().toggleSeeAlso().run()
      },
      active(editor) {
        return editor.isActive("seeAlso")
      },
    })
  },
  addOptions() {
    return { label: "See also" }
  },
})

function embedAttribute(name) {
  return {
    default: "",
    parseHTML: (element) => element.getAttribute(name) || "",
    renderHTML: (attributes) => ({ [name]: attributes[name] }),
  }
}

// An embed is data (provider, id, title), never a third party's HTML: the
// server checks the address and builds every URL from provider and id.
const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  addOptions() {
    return { url: "", labels: {} }
  },
  addAttributes() {
    return {
      "data-embed": embedAttribute("data-embed"),
      "data-embed-id": embedAttribute("data-embed-id"),
      "data-embed-title": embedAttribute("data-embed-title"),
    }
  },
  parseHTML() {
    return [{ tag: "figure[data-embed]" }]
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },
  addCommands() {
    return {
      insertEmbed:
        () =>
        ({ editor }) => {
          askForEmbed(editor, this.options)
          return true
        },
    }
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.material("smart_display", this.options.labels.embed),
      command(editor) {
        editor.commands.insertEmbed()
      },
    })
  },
})

// After, not over, a selected embed or figure: inserting two in a row must
// not replace the first.
function insertAfterSelection(editor, content) {
  editor.chain().focus().insertContentAt(editor.state.selection.to, content).run()
}

async function askForEmbed(editor, { url, labels }) {
  let values = { address: "", title: "" }
  let problem = ""
  for (;;) {
    values = await updateAttrsDialog(
      {
        address: {
          type: "string",
          format: "url",
          required: true,
          title: labels.embedAddress,
          description: problem || labels.embedHelp,
        },
        title: { type: "string", title: labels.embedTitle },
      },
      { title: labels.embed, submitText: labels.insert },
    )(editor, values)
    if (!values) return
    const query = new URLSearchParams(values)
    const response = await fetch(`${url}?${query}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
    const answer = await response.json().catch(() => ({}))
    if (response.ok && answer.markup) {
      insertAfterSelection(editor, answer.markup)
      return
    }
    problem = answer.error || labels.embedHelp
  }
}

// A figure from the media library: the body names the image, the page draws
// it with its caption and credit (articles/figures.py).
const LibraryFigure = Node.create({
  name: "libraryFigure",
  group: "block",
  atom: true,
  draggable: true,
  addOptions() {
    // previews: id → { alt, thumbnail } of the images the editor can show.
    return { url: "", labels: {}, previews: {} }
  },
  addAttributes() {
    return { "data-image": embedAttribute("data-image") }
  },
  parseHTML() {
    return [{ tag: "figure[data-image]" }]
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },
  // In the editor, the image itself and its description; what is stored
  // stays renderHTML's bare figure.
  addNodeView() {
    return ({ node }) => {
      const id = node.attrs["data-image"]
      const preview = this.options.previews[id]
      const dom = document.createElement("figure")
      dom.dataset.image = id
      const caption = document.createElement("figcaption")
      caption.textContent = preview ? preview.alt : `${this.options.labels.figure} ${id}`
      if (preview) {
        const image = document.createElement("img")
        // alt="": the caption beside it says what the image shows.
        image.alt = ""
        image.src = preview.thumbnail
        dom.append(image)
      }
      dom.append(caption)
      return { dom }
    }
  },
  addCommands() {
    return {
      insertLibraryFigure:
        () =>
        ({ editor }) => {
          askForFigure(editor, this.options)
          return true
        },
    }
  },
  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "libraryFigure",
      groups: "nodes",
      button: buttons.material("photo_library", this.options.labels.figure),
      command(editor) {
        editor.commands.insertLibraryFigure()
      },
    })
  },
})

// Searches the library (its admin's search, as JSON), then offers what it
// found by description, caption and credit.
async function askForFigure(editor, { url, labels, previews }) {
  let search = { term: "" }
  let problem = ""
  for (;;) {
    search = await updateAttrsDialog(
      {
        // Empty is a search too: the newest images, what an editor who has
        // just uploaded one wants.
        term: {
          type: "string",
          title: labels.figureSearch,
          description: problem || labels.figureLatest,
        },
      },
      { title: labels.figure, submitText: labels.search },
    )(editor, search)
    if (!search) return
    const response = await fetch(`${url}?${new URLSearchParams(search)}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
    const found = (response.ok ? (await response.json()).results : []).map(
      (image) => ({
        id: image.id,
        text: [image.alt, image.caption, image.credit].filter(Boolean).join(" — "),
        preview: { alt: image.alt, thumbnail: image.thumbnail },
      }),
    )
    if (!found.length) {
      problem = labels.figureNone
      continue
    }
    const choice = await updateAttrsDialog(
      {
        image: {
          type: "string",
          title: labels.figureChoose,
          enum: found.map((result) => result.text),
        },
      },
      { title: labels.figure, submitText: labels.insert },
    )(editor, { image: found[0].text })
    if (!choice) return
    const picked = found.find((result) => result.text === choice.image)
    previews[picked.id] = picked.preview
    insertAfterSelection(editor, {
      type: "libraryFigure",
      attrs: { "data-image": picked.id },
    })
    return
  }
}

const NEWSROOM_NODES = { SeeAlso, Embed, LibraryFigure }

function extensionsFor(textarea) {
  const config = JSON.parse(textarea.dataset.richText)
  const labels = labelsOf(textarea)
  const options = {
    Menu: {
      // Buttons only: the library's drop-down menus cannot be opened from
      // the keyboard.
      groups: [
        { group: "headings" },
        { group: "nodes -headings -lists" },
        { group: "lists" },
        { group: "marks" },
        { group: "link" },
        { group: "table" },
        { group: "history" },
      ],
    },
    SeeAlso: { label: labels.seeAlso },
    Embed: { url: textarea.dataset.embedUrl, labels },
    LibraryFigure: {
      url: textarea.dataset.figureSearchUrl,
      labels,
      previews: JSON.parse(textarea.dataset.figurePreviews || "{}"),
    },
  }
  const available = { ...library, ...NEWSROOM_NODES }
  const names = [...Object.keys(config.extensions), ...config.nodes]
  return names.map((name) => {
    const extension = available[name]
    const settings = options[name] || config.extensions[name]
    return typeof settings === "object" ? extension.configure(settings) : extension
  })
}

function countWords(text) {
  const words = text.match(/[\p{L}\p{N}_][\p{L}\p{N}_'’-]*/gu)
  return words ? words.length : 0
}

function showWordCount(editor, textarea) {
  const output = document.querySelector(`[data-word-count-for="${textarea.id}"]`)
  if (!output) return
  const template = labelsOf(textarea).wordCount
  const perMinute = Number(output.dataset.wordsPerMinute)
  const update = () => {
    const words = countWords(editor.getText())
    const minutes = Math.max(1, Math.round(words / perMinute))
    output.textContent = template
      .replace("%(words)s", words.toLocaleString())
      .replace("%(minutes)s", minutes)
  }
  editor.on("update", update)
  update()
}

// The library's createTextareaEditor, less the <style> element Tiptap
// injects (its rules are in css/rich-text.css).
function createTextareaEditor(textarea, extensions) {
  const wrapper = crel("div", { className: "prose-editor" })
  textarea.before(wrapper)
  wrapper.append(textarea)
  const editor = new Editor({
    element: wrapper,
    extensions,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML()
      textarea.value = editor.isEmpty ? "" : html
      textarea.dispatchEvent(new Event("input", { bubbles: true }))
    },
  })
  return { editor, wrapper }
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor") || textarea.id.includes("__prefix__")) {
    return
  }
  const { editor, wrapper } = createTextareaEditor(textarea, extensionsFor(textarea))
  const label = document.querySelector(`label[for="${textarea.id}"]`)
  const editable = editor.view.dom
  editable.setAttribute("role", "textbox")
  editable.setAttribute("aria-multiline", "true")
  if (label) {
    editable.setAttribute("aria-label", label.textContent.replace(/:$/, ""))
    label.addEventListener("click", () => editor.commands.focus())
  }
  // The menu extension builds the toolbar once the editor is created.
  editor.on("create", () => {
    const toolbar = wrapper.querySelector(".prose-menubar")
    toolbar.setAttribute("role", "toolbar")
    toolbar.setAttribute("aria-label", label ? label.textContent : "")
    // The admin's JavaScript catalog (locale/*/djangojs.po) translates the
    // titles the library writes in English.
    const translate = window.gettext || ((text) => text)
    for (const button of toolbar.querySelectorAll("button[title]")) {
      button.title = translate(button.title)
      // The library's buttons show an icon font's ligature ("format_quote"):
      // give them their title as name.
      button.setAttribute("aria-label", button.title)
    }
    // The library greys out a command that can't run now (a link with no
    // selection, undo with nothing to undo) by a class alone: tell assistive
    // technology too, for which the button would otherwise look live.
    const sayIfDisabled = (button) => {
      if (button.classList.contains("disabled")) {
        button.setAttribute("aria-disabled", "true")
      } else {
        button.removeAttribute("aria-disabled")
      }
    }
    toolbar.querySelectorAll("button").forEach(sayIfDisabled)
    new MutationObserver((changes) => {
      for (const { target } of changes) {
        if (target.matches("button")) sayIfDisabled(target)
      }
    }).observe(toolbar, { subtree: true, attributeFilter: ["class"] })
  })
  // A restored working copy (autosave.js) is written to the textarea.
  textarea.addEventListener("change", () => {
    editor.commands.setContent(textarea.value, { emitUpdate: false })
  })
  showWordCount(editor, textarea)
  textarea.dispatchEvent(
    new CustomEvent("rich-text:ready", { bubbles: true, detail: { editor } }),
  )
}

function createEditors(container) {
  for (const textarea of container.querySelectorAll("textarea[data-rich-text]")) {
    createEditor(textarea)
  }
}

createEditors(document)
// Django's inlines announce each added row.
document.addEventListener("formset:added", (event) => createEditors(event.target))
