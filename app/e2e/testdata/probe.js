// The hand-to-screen probe of the page benchmark (bench_hand_test.go),
// run in every new document before the page's own scripts. It measures
// what a user feels, from the browser's side, without the page's help:
//
// - latency: for each input or change event, from the event's timestamp
//   (when the browser received the input) to the next animation frame
//   after the figures or the readout changed: the time in the first
//   requestAnimationFrame callback after the change, when that frame's
//   rendering begins. (A task posted from that callback would mark the
//   end of the frame's rendering, but the browser puts such tasks behind
//   input while a hand moves a slider, by a varying hundred milliseconds
//   or more.)
// - frames: the timestamps of every animation frame while recording;
// - long tasks: every main-thread task longer than 50 ms since navigation,
//   and quiet(), how long the main thread has been free of them;
// - answered: when the first run's readout first showed a step above 0,
//   which only a click on Step does on a page opened at step 0.
//
// Everything is in ms from navigation (performance.now()).
(() => {
  if (window.__probe) return;
  const probe = window.__probe = {
    latency: [], frames: [], longTasks: [], answered: 0, recording: false, inputs: 0,
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  probe.quiet = () => performance.now() - Math.max(0, ...probe.longTasks.map(([start, d]) => start + d));

  let pending = []; // timestamps of inputs whose change is not shown yet
  let shown = []; // timestamps of inputs whose change awaits its frame
  let scheduled = false;
  let kind = "input";
  // listen times the events of type k ("input" or "change") from now on.
  probe.listen = (k) => {
    kind = k;
    probe.latency = [];
    probe.inputs = 0;
    pending = [];
    shown = [];
  };
  probe.pendingCount = () => pending.length + shown.length;
  const record = (e) => {
    if (!e.isTrusted || e.type !== kind) return;
    probe.inputs++;
    pending.push(e.timeStamp);
  };
  addEventListener("input", record, true);
  addEventListener("change", record, true);

  const watched = (node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el !== null && el.closest("section.views, .readout") !== null;
  };
  new MutationObserver((records) => {
    if (pending.length === 0 || !records.some((r) => watched(r.target))) return;
    shown.push(...pending);
    pending = [];
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const t = performance.now();
      for (const ts of shown) probe.latency.push(t - ts);
      shown = [];
    });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // The page opens at step 0 and never moves by itself (no autoplay):
  // the first run's step above 0 answers a click on Step.
  new MutationObserver(() => {
    if (probe.answered !== 0) return;
    const step = document.getElementById("ro-0-step");
    if (step !== null && step.textContent !== "" && step.textContent !== "0") probe.answered = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });

  const frame = (ts) => {
    if (probe.recording) probe.frames.push(ts);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
