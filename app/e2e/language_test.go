//go:build !js

package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/optimplay/optimplay/app/i18n"
)

// TestLanguageSwitch switches the page to 简体中文 with its switch: the
// texts, the document's language and title follow, and the link keeps
// the language, which a reload then opens. Notices already shown follow
// too.
func TestLanguageSwitch(t *testing.T) {
	ctx := page(t, "fn=booth&opt=gd,adam")
	zh := i18n.For(i18n.Chinese)
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("lang-select"), "zh"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('lang-select').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, fmt.Sprintf(`document.querySelector('h1').textContent === %q`, zh.T(i18n.AppTitle)))
	waitJS(t, ctx, `document.documentElement.lang === 'zh-Hans'`)
	if title := eval[string](t, ctx, `document.title`); title != zh.T(i18n.AppTitle) {
		t.Errorf("title %q", title)
	}
	if got, want := text(t, ctx, "step-counter"), zh.T(i18n.StepOfN, 0, 100); got != want {
		t.Errorf("step counter %q, want %q (painted texts follow too)", got, want)
	}
	if q := settledQuery(t, ctx); q.Get("lang") != "zh" {
		t.Fatalf("the address %v lost the language", q)
	}
	do(t, ctx, chromedp.Reload())
	waitJS(t, ctx, fmt.Sprintf(`document.querySelector('h1') && document.querySelector('h1').textContent === %q && document.getElementById('lang-select').value === 'zh'`, zh.T(i18n.AppTitle)))

	// The notices shown are said again in the language chosen.
	ctx = page(t, "fn=booth&opt=gd&kappa=3")
	notices := `(document.getElementById('notices') || {textContent: ''}).textContent`
	waitJS(t, ctx, notices+`.includes('kappa=3: does not apply here; ignored.')`)
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("lang-select"), "zh"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('lang-select').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, notices+`.includes('kappa=3：在此处不适用；已忽略。')`)
}

// TestBrowserLanguage: without lang, the browser's preferred language
// decides.
func TestBrowserLanguage(t *testing.T) {
	for _, c := range []struct {
		accept string
		want   i18n.Lang
	}{
		{"zh-CN,zh;q=0.9,en;q=0.5", i18n.Chinese},
		{"fr-FR,en;q=0.8", i18n.English},
	} {
		ctx := page(t, "fn=booth&opt=gd")
		ua := eval[string](t, ctx, `navigator.userAgent`)
		if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: c.accept}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Reload())
		waitJS(t, ctx, fmt.Sprintf(`document.querySelector('h1') !== null && document.querySelector('h1').textContent === %q && document.querySelector('#surface-head svg') !== null`,
			i18n.For(c.want).T(i18n.AppTitle)))
		if strings.Contains(eval[string](t, ctx, `location.search`), "lang=") {
			t.Errorf("%s: the page wrote a language its link did not name", c.accept)
		}
	}
}

// englishWords finds two English words in a row: text a Chinese page
// should not show, unless it is a name (allowedEnglish).
var englishWords = regexp.MustCompile(`[A-Za-z]{3,}[ -][A-Za-z]{2,}`)

// allowedEnglish are names a Chinese page shows as they are, and the
// functions a formula may use.
var allowedEnglish = regexp.MustCompile(`Styblinski–Tang|Nesterov|Lion|Booth|Beale|Himmelblau|Rosenbrock|Rastrigin|Matyas|AdamW|AMSGrad|Adamax|Adadelta|RMSprop|Adagrad|NAdam|Adam|PyTorch|CosineAnnealingLR|ExponentialLR|StepLR|JSON|CSV|HTML|SVG|PNG|sin cos tan exp log sqrt abs tanh sigmoid softplus min max pow`)

// TestNoEnglishOnChinesePages reads every text a reader meets on pages in
// lang=zh (visible text, labels, titles, alternatives, options), with
// every panel open, and fails on an English message of the catalog or
// any run of English words that is not a name.
func TestNoEnglishOnChinesePages(t *testing.T) {
	en, zh := i18n.For(i18n.English), i18n.For(i18n.Chinese)
	var english []string // fragments of English messages that Chinese differs from
	for _, k := range en.Keys() {
		msg := en.T(k)
		if msg == zh.T(k) {
			continue
		}
		for _, frag := range regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d*)?[a-zA-Z]|\{\w+\}`).Split(msg, -1) {
			if frag = strings.TrimSpace(frag); len(frag) >= 6 && englishWords.MatchString(frag) {
				english = append(english, frag)
			}
		}
	}
	for _, query := range []string{
		"fn=linreg&opt=sgd,adam&batch=10&sched=cosine&noise=0.1&lang=zh",
		"fn=quadratic&opt=gd,momentum&lr=0.3&lang=zh", // diverges: the status and its message
		"fn=himmelblau&opt=adam&embed=1&lang=zh",
		"lesson=8&lang=zh",
		"fn=rosenbrock&opt=adam&lr=abc&bogus=1&lang=zh", // a notice
		"fn=custom&f=sinh(x)&xr=3,1&opt=adam&lang=zh",   // the refusals of a formula and a range
		"fn=linreg&data=1,2,1,3&opt=gd&lang=zh",         // the refusal of a data set
	} {
		ctx := page(t, query)
		eval[bool](t, ctx, `(document.querySelectorAll('details').forEach(d => d.open = true), true)`)
		if strings.Contains(query, "sched") {
			waitJS(t, ctx, `document.querySelector('#sweep-figure img') !== null`)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("step")))
		texts := eval[[]string](t, ctx, `(() => {
			const out = [document.body.innerText, document.title];
			for (const e of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
				for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (e.hasAttribute(a)) out.push(e.getAttribute(a));
			}
			for (const o of document.querySelectorAll('option')) out.push(o.textContent);
			return out;
		})()`)
		all := strings.Join(texts, "\n")
		for _, frag := range english {
			if strings.Contains(all, frag) {
				t.Errorf("%s: English message %q", query, frag)
			}
		}
		seen := map[string]bool{}
		for _, line := range strings.Split(allowedEnglish.ReplaceAllString(all, ""), "\n") {
			if m := englishWords.FindString(line); m != "" && !seen[line] {
				seen[line] = true
				t.Errorf("%s: English words %q in %q", query, m, line)
			}
		}
	}
}
