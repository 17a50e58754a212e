// The live round's student page on a phone, in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core): `concord serve` runs on 127.0.0.1; a student opens the page at a
// phone's size, types the join code and a name key by key, moves a weight slider by touch
// and by keys, picks a value and types a reason, sends; the teacher's terminal counts it, and
// on close the saved round holds the student's reading. The page loads nothing from anywhere
// else and runs no script. Exits non-zero on any failure.
// Usage: node web/test/live.mjs [CONCORD_BINARY]   (default: target/debug/concord)
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const binary = path.resolve(process.argv[2] ?? path.join(root, "target/debug/concord"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-live-"));
const saved = path.join(dir, "round.ron");

const failures = [];
function check(what, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ": " + detail : ""}`);
  if (!ok) failures.push(what);
}

const teacher = spawn(binary, ["serve", path.join(root, "seeds/gaza-ceasefire-2023.ron"),
  "--addr", "127.0.0.1", "--port", "0", "-o", saved], { stdio: ["pipe", "pipe", "inherit"] });
let said = "";
teacher.stdout.on("data", (d) => { said += d.toString(); });
async function waitFor(re, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = said.match(re);
    if (m) return m;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`the teacher's terminal never said ${re}: ${said}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--no-first-run", "--disable-background-networking"],
});
try {
  const address = (await waitFor(/students open (http:\/\/\S+)/))[1];
  const code = (await waitFor(/Join code: (\S+)/))[1];
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3,
  });
  const page = await context.newPage();
  const elsewhere = [];
  let bytes = 0;
  page.on("request", (r) => { if (!r.url().startsWith(address)) elsewhere.push(r.url()); });
  page.on("response", async (r) => {
    try { bytes = Math.max(bytes, (await r.body()).length); } catch { /* a redirect has none */ }
  });
  await page.goto(address);
  check("the join page opens", (await page.title()).includes("Join"));
  await page.locator("#code").click();
  await page.keyboard.type(code.toLowerCase(), { delay: 60 });
  await page.locator("#name").click();
  await page.keyboard.type("Ada <b>L.</b>", { delay: 60 });
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/seat\//);
  check("the code and a name typed key by key seat the student",
    (await page.content()).includes("Signed in as <strong>Ada &lt;b&gt;L.&lt;/b&gt;</strong>"));
  const slider = page.locator("#w0");
  const before = Number(await slider.inputValue());
  // A finger on the slider's left end, then the keys a keyboard user presses.
  const box = await slider.boundingBox();
  await page.touchscreen.tap(box.x + 2, box.y + box.height / 2);
  const tapped = Number(await slider.inputValue());
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const moved = Number(await slider.inputValue());
  check("the weight slider moves by touch and by keys", tapped === 0 && moved === 2,
    `${before} → tap ${tapped} → keys ${moved}`);
  await page.locator("details summary").nth(5).tap(); // the first proposal's cells
  await page.locator("select[name='s.0.0']").selectOption("silent");
  await page.locator("input[name='r.0.0']").click();
  await page.keyboard.type("The text says nothing of it.", { delay: 20 });
  await page.locator("button[type=submit]").tap();
  await page.waitForURL(/sent=1/);
  check("sending shows it was received", (await page.content()).includes("Received."));
  check("what was sent is there to change", (await slider.inputValue()) === "2");
  check("the page runs no script", (await page.locator("script").count()) === 0);
  check("nothing is asked of any other address", elsewhere.length === 0, elsewhere.join(" "));
  check("the student page is under 50 KB", bytes > 0 && bytes < 50 * 1024, `${bytes} bytes`);
  // The page "Can a phone reach me?" asks the teacher to open, on the same phone.
  const reach = await context.newPage();
  await reach.goto(address + "check");
  check("the phone check page opens on a phone",
    (await reach.content()).includes("This phone reaches the teacher"));
  await reach.close();
  teacher.stdin.write("status\n");
  await waitFor(/1 joined, 1 sent/);
  check("the teacher's terminal counts the answer", true);
  teacher.stdin.write("close\n");
  await waitFor(/The round ended: 1 student reading saved/);
  const round = fs.readFileSync(saved, "utf8");
  check("the saved round holds the student's reading",
    round.includes("Ada <b>L.</b>") && round.includes("The text says nothing of it.") && round.includes("Student"));
  await context.close();
} catch (e) {
  check("the round runs", false, String(e));
} finally {
  await browser.close();
  teacher.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} failed` : "all passed");
process.exit(failures.length ? 1 : 0);
