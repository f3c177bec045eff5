package session

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers/scene"
)

// TestDecodeView reads each view key, with the defaults and the notices
// for bad values.
func TestDecodeView(t *testing.T) {
	for _, c := range []struct {
		query   string
		want    View
		notices []scene.NoticeKind
	}{
		{"", View{Speed: DefaultSpeed}, nil},
		{"step=12&speed=90&lang=en&embed=1&show=loss,surface,lr,loss&lock=1&autoplay=1",
			View{Step: 12, Speed: 90, Lang: "en", Embed: true, Show: []string{"surface", "loss", "lr"}, Lock: true, Autoplay: true}, nil},
		{"lang=zh", View{Speed: DefaultSpeed, Lang: "zh"}, nil},
		{"step=-4", View{Speed: DefaultSpeed}, []scene.NoticeKind{scene.Clamped}},
		{"step=1e9", View{Step: scene.MaxSteps, Speed: DefaultSpeed}, []scene.NoticeKind{scene.Clamped}},
		{"step=2.5", View{Speed: DefaultSpeed}, []scene.NoticeKind{scene.NotInteger}},
		{"step=x&speed=NaN", View{Speed: DefaultSpeed}, []scene.NoticeKind{scene.NotNumber, scene.NotNumber}},
		{"speed=0", View{Speed: MinSpeed}, []scene.NoticeKind{scene.Clamped}},
		{"lang=zz", View{Speed: DefaultSpeed}, []scene.NoticeKind{scene.UnknownValue}},
		{"embed=yes&lock=2", View{Speed: DefaultSpeed}, []scene.NoticeKind{scene.NotFlag, scene.NotFlag}},
		{"show=<b>,surface", View{Speed: DefaultSpeed, Show: []string{"surface"}}, []scene.NoticeKind{scene.UnknownValue}},
		// Nothing usable: the default, not an empty page.
		{"show=<b>", View{Speed: DefaultSpeed}, []scene.NoticeKind{scene.UnknownValue}},
	} {
		q, _ := url.ParseQuery(c.query)
		got, notices := DecodeView(q)
		var kinds []scene.NoticeKind
		for _, n := range notices {
			kinds = append(kinds, n.Kind)
		}
		if !reflect.DeepEqual(got, c.want) || !reflect.DeepEqual(kinds, c.notices) {
			t.Errorf("%q: %+v %v, want %+v %v", c.query, got, notices, c.want, c.notices)
		}
	}
}

// TestViewShows checks the parts shown by default, in an embed and with
// show.
func TestViewShows(t *testing.T) {
	full := View{}
	embed := View{Embed: true}
	only := View{Embed: true, Show: []string{"surface", "lr"}}
	params := View{Show: []string{"params"}}
	for _, c := range []struct {
		v    View
		part string
		want bool
	}{
		{full, "share", true}, {full, "b1", true},
		{embed, "surface", true}, {embed, "readout", true}, {embed, "share", false}, {embed, "lr", false},
		{only, "surface", true}, {only, "lr", true}, {only, "b1", false}, {only, "loss", false},
		{params, "b1", true}, {params, "loss", false},
	} {
		if got := c.v.Shows(c.part); got != c.want {
			t.Errorf("%+v shows %s: %v", c.v, c.part, got)
		}
	}
}

// TestViewRoundTrip: Encode then DecodeView gives the view back.
func TestViewRoundTrip(t *testing.T) {
	for _, v := range []View{
		{Speed: DefaultSpeed},
		{Step: 7, Speed: 2.5, Embed: true, Show: []string{"surface", "readout", "lr", "b2"}, Lock: true, Autoplay: true},
		{Speed: MaxSpeed, Show: []string{"params"}},
	} {
		q, _ := url.ParseQuery(v.Encode())
		got, notices := DecodeView(q)
		if len(notices) > 0 || !reflect.DeepEqual(got, v) {
			t.Errorf("%+v → %q → %+v %v", v, v.Encode(), got, notices)
		}
	}
	if (View{Speed: DefaultSpeed}).Encode() != "" {
		t.Error("the default view writes keys")
	}
}

// TestSessionQueryKeepsTheView: the page's link has the view after the
// scene; a locked session refuses changes.
func TestSessionQueryKeepsTheView(t *testing.T) {
	s, notices, err := New("fn=booth&opt=gd&lr=0.05&steps=20&step=5&embed=1&show=surface,lr&lock=1")
	if err != nil || len(notices) > 0 {
		t.Fatal(notices, err)
	}
	if q := s.Query(); !strings.HasSuffix(q, "&step=5&embed=1&show=surface,lr&lock=1") || !strings.HasPrefix(q, "fn=booth&") {
		t.Errorf("query %s", q)
	}
	if q := s.FullQuery(); strings.Contains(q, "embed") || strings.Contains(q, "lock") || !strings.HasSuffix(q, "&step=5") {
		t.Errorf("full query %s", q)
	}
	if !s.Locked() || s.Shown() != 5 {
		t.Errorf("locked %v, shown %d", s.Locked(), s.Shown())
	}
	if _, err := s.SetParam(0, "lr", 0.1); err != ErrLocked {
		t.Errorf("a locked session changed: %v", err)
	}
	s.StepOnce()
	if s.Shown() != 6 {
		t.Error("a locked session does not step")
	}
}

// TestSetLang: the language a page sets is kept in its link; another is
// refused and changes nothing.
func TestSetLang(t *testing.T) {
	s, _, err := New("fn=booth&opt=gd")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.Query(), "lang=") {
		t.Fatalf("query %q names a language the link did not", s.Query())
	}
	if err := s.SetLang("zh"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(s.Query(), "&lang=zh") || !strings.Contains(s.FullQuery(), "lang=zh") {
		t.Errorf("query %q, full query %q: no lang=zh", s.Query(), s.FullQuery())
	}
	if err := s.SetLang("fr"); err == nil || s.View().Lang != "zh" {
		t.Errorf("SetLang(fr): %v, lang %q", err, s.View().Lang)
	}
}
