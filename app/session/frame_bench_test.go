package session

import "testing"

const benchQuery = "fn=rosenbrock&steps=200&opt=gd,momentum,rmsprop,adam&lr=0.002&adam.lr=0.05&rmsprop.lr=0.02"

// BenchmarkFrame draws one animation frame of four runs at step 150 of
// 200 on rosenbrock for a painter that holds the trails up to step 149:
// one segment per run, the heads, the readout values.
func BenchmarkFrame(b *testing.B) {
	s, _, err := New(benchQuery)
	if err != nil {
		b.Fatal(err)
	}
	s.Seek(149)
	prev, err := s.Frame(nil)
	if err != nil {
		b.Fatal(err)
	}
	s.Seek(150)
	for b.Loop() {
		if _, err := s.Frame(prev.Trails); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrameWhole draws the trails whole at step 150, as after a
// change.
func BenchmarkFrameWhole(b *testing.B) {
	s, _, err := New(benchQuery)
	if err != nil {
		b.Fatal(err)
	}
	s.Seek(150)
	for b.Loop() {
		if _, err := s.Frame(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecompute changes a learning rate and draws the frame, as a
// slider drag does.
func BenchmarkRecompute(b *testing.B) {
	s, _, err := New(benchQuery)
	if err != nil {
		b.Fatal(err)
	}
	s.Seek(150)
	i := 0
	for b.Loop() {
		i++
		if _, err := s.SetParam(0, "lr", 0.002*(1+0.01*float64(i%2))); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Frame(nil); err != nil {
			b.Fatal(err)
		}
	}
}
