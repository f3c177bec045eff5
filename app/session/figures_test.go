package session

import (
	"errors"
	"testing"
)

// TestFigureCache keeps the most recently used items and builds the rest.
func TestFigureCache(t *testing.T) {
	c := &figureCache[int]{size: 2, items: map[string]int{}}
	builds := 0
	get := func(key string, v int) int {
		t.Helper()
		got, err := c.get(key, func() (int, error) { builds++; return v, nil })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	get("a", 1)
	get("b", 2)
	if get("a", 9) != 1 || builds != 2 {
		t.Fatalf("a kept: builds %d", builds)
	}
	get("c", 3) // evicts b, the least recently used
	if get("a", 9) != 1 || get("c", 9) != 3 || builds != 3 {
		t.Fatalf("after c: builds %d", builds)
	}
	if get("b", 4) != 4 || builds != 4 || len(c.items) != 2 || len(c.keys) != 2 {
		t.Fatalf("b rebuilt: builds %d, %d items", builds, len(c.items))
	}
	if _, err := c.get("d", func() (int, error) { return 0, errors.New("no") }); err == nil || len(c.items) != 2 {
		t.Error("an error was kept")
	}
}
