// Click-to-load embeds (articles/embeds.py writes the placeholders): no
// request reaches the provider until the reader asks for its player.
;(() => {
  for (const figure of document.querySelectorAll("figure[data-embed-player]")) {
    const button = document.createElement("button")
    button.type = "button"
    button.className = "embed-load"
    button.textContent = figure.dataset.embedButton
    button.addEventListener("click", () => {
      const frame = document.createElement("iframe")
      frame.className = "embed-frame"
      frame.src = figure.dataset.embedPlayer
      frame.title = figure.dataset.embedTitle
      frame.allowFullscreen = true
      frame.referrerPolicy = "strict-origin-when-cross-origin"
      frame.setAttribute(
        "sandbox",
        "allow-scripts allow-same-origin allow-popups allow-presentation",
      )
      button.replaceWith(frame)
      frame.focus()
    })
    figure.append(button)
  }
})()
