package lessons

// lesson8 races the common mistakes, the core's wrong variants that only
// this lesson's links reach, against the correct rules on the same
// samples.
var lesson8 = Lesson{N: 8, Paragraphs: 3,
	Preset: "fn=linreg&lesson=8&opt=sgd,wrong-sgd-first,wrong-sgd-sum,adam,wrong-adam-nobias,wrong-adam-denom,wrong-adam-epsin," +
		"wrong-adam-residual&batch=10&lr=0.1&eps=0.001&steps=300",
	Tasks: []Task{
		{Check: func(s State) bool { // batch 1: SGD fits, the first-sample loop does not
			first, ok := s.run("wrong-sgd-first")
			if !ok || s.Scene.Batch != 1 {
				return false
			}
			fFirst, _ := s.final(first)
			return fFirst >= 0.095 && anyRun(s, "sgd", func(i int) bool {
				f, _ := s.final(i)
				return s.sameLR(i, first) && s.finished(i) && f < 0.095
			})
		}},
		{Check: func(s State) bool { // Adam within 0.001, the residual-fed one not
			fStar, ok := s.fStar()
			wrong, okWrong := s.run("wrong-adam-residual")
			if !ok || !okWrong {
				return false
			}
			fWrong, _ := s.final(wrong)
			return fWrong-fStar >= 1e-3 && anyRun(s, "adam", func(i int) bool {
				f, _ := s.final(i)
				return s.sameLR(i, wrong) && s.finished(i) && f-fStar < 1e-3
			})
		}},
	}}
