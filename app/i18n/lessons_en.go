package i18n

// lessonsEnglish is the lessons' frame and texts in English.
var lessonsEnglish = map[Key]string{
	LessonsMenu:    "Lessons",
	LessonsHint:    "Eight guided lessons, each with a scene to play with and tasks the page checks as you go.",
	LessonOf:       "Lesson %d of %d",
	LessonPrev:     "← Previous lesson",
	LessonNext:     "Next lesson →",
	LessonLeave:    "Leave the lessons",
	LessonTasks:    "Your tasks",
	LessonTaskTodo: "not yet",
	LessonTaskMet:  "done",
	LessonReveal:   "Reveal the answer",
	LessonPreset:   "Back to the lesson's scene",

	// 1. Gradient descent on a line fit.
	"lesson.1.title": "Gradient descent fits a line",
	"lesson.1.p1": "The data are 100 points with y = 3x plus noise between 0 and 1, so the best line is about y = 3x + 0.5. " +
		"A line y = w·x + b is one point (w, b) of the plane on the left, and its loss, the mean squared error " +
		"L(w, b) = (1/n)·Σ (w·xᵢ + b − yᵢ)², is the height of the surface there. Fitting the line means finding the lowest point.",
	"lesson.1.p2": "The gradient says which way is uphill. Differentiating each squared residual rᵢ = w·xᵢ + b − yᵢ gives " +
		"∂L/∂w = (2/n)·Σ rᵢ·xᵢ and ∂L/∂b = (2/n)·Σ rᵢ: the residuals, weighted by x for the slope, averaged over the data. " +
		"Note the average: the gradient is two numbers, not one number per data point.",
	"lesson.1.p3": "Gradient descent steps against it: (w, b) ← (w, b) − γ·∇L, with γ the learning rate. " +
		"Step through the run and watch the line on the data turn and lift as the point on the surface goes downhill.",
	"lesson.1.task1":        "Make gradient descent fit the line: with at most 100 steps, end within 0.0001 of the lowest loss.",
	"lesson.1.task1.met":    "Done: the line fits as well as a straight line can. The loss left is the noise, which no line explains.",
	"lesson.1.task1.answer": "Raise the learning rate γ to about 0.7: the run then gets there in about 70 steps. At 0.05 it crawls along the flat valley.",

	// 2. The learning rate.
	"lesson.2.title": "Too small, just right, too large",
	"lesson.2.p1": "On the bowl f = ½(x² + κ·y²) gradient descent multiplies x by (1 − γ) and y by (1 − γ·κ) at every step. " +
		"A step too small wastes steps; a step too large makes a factor larger than 1 in size, and the path zigzags outwards.",
	"lesson.2.p2": "The edge is where the largest factor reaches −1: γ·λmax = 2, so γ < 2/λmax, where λmax is the largest curvature " +
		"(the largest eigenvalue of the Hessian; here κ = 10). The tick on the learning-rate slider marks 2/λmax.",
	"lesson.2.p3": "Just below the edge the steep direction bounces from side to side and settles slowly; well below it the flat " +
		"direction is slow. The best constant rate is in between.",
	"lesson.2.task1":        "Find the largest learning rate that still converges: less than a tenth below the edge, without diverging.",
	"lesson.2.task1.met":    "Done: this close to 2/λmax the steep direction flips sign at every step, yet shrinks.",
	"lesson.2.task1.answer": "2/λmax = 2/10 = 0.2 here: any γ from 0.18 up to (not including) 0.2 will do, such as 0.19.",
	"lesson.2.task2":        "Now go past the edge and make the run diverge. Read what the page says about it.",
	"lesson.2.task2.met":    "Done: above 2/λmax the y factor is below −1, and each step overshoots further than the one before.",
	"lesson.2.task2.answer": "Any γ above 0.2, such as 0.25.",

	// 3. GD, SGD, minibatches.
	"lesson.3.title": "Gradient descent, stochastic and minibatch",
	"lesson.3.p1": "Stochastic gradient descent estimates the gradient from a few samples drawn at random, a minibatch, instead of " +
		"all of the data. Each step is cheaper and noisier: its path jitters around gradient descent's. The rings on the data mark the batch.",
	"lesson.3.p2": "The samples must be drawn at random at every step. Averaged over the draws, the minibatch gradient equals the full " +
		"gradient, so the noise cancels out in the long run; a loop that reuses the same samples follows a different, wrong, loss.",
	"lesson.3.p3": "With a constant learning rate the noise never dies out: SGD ends in a cloud around the minimum whose size grows with " +
		"the learning rate and shrinks with the batch size. Smaller steps, or a schedule that lowers them, settle closer.",
	"lesson.3.task1":        "With batch size 1, make SGD end with a loss below 0.095 (the best any line does is 0.0897).",
	"lesson.3.task1.met":    "Done: smaller steps average the noise of single samples over more of them.",
	"lesson.3.task1.answer": "Keep the batch size at 1 and lower the learning rate to 0.05 with 500 steps (or 0.1 with 300); a cosine schedule works too.",
	"lesson.3.task2":        "Set the batch size to the whole data set, with the same learning rate for both: SGD now takes exactly gradient descent's path.",
	"lesson.3.task2.met":    "Done: a minibatch of all the data is the full gradient, and the paths are the same to the last digit.",
	"lesson.3.task2.answer": "Set the batch size to the number of data points (100, 'full batch').",

	// 4. Momentum.
	"lesson.4.title": "Momentum in a narrow valley",
	"lesson.4.p1": "With κ = 50 the bowl is a narrow valley: the learning rate must stay below 2/50 for the steep walls, and then " +
		"the gentle floor takes hundreds of steps. Gradient descent zigzags across and crawls along.",
	"lesson.4.p2": "Heavy-ball momentum keeps a velocity b ← μ·b + g and steps x ← x − γ·b: pushes across the valley cancel out, pushes " +
		"along it add up. With μ = 0 it is gradient descent, which is why the two paths now coincide.",
	"lesson.4.p3": "Nesterov momentum looks ahead: it steps with g + μ·b. It damps the zigzag sooner, but its stability limit is lower: " +
		"2(1+μ)/((1+2μ)·λmax) against 2(1+μ)/λmax for the heavy ball.",
	"lesson.4.task1":        "Raise the momentum μ until momentum reaches f < 10⁻⁶ in at most half the steps gradient descent needs, with the same learning rate.",
	"lesson.4.task1.met":    "Done: the velocity builds up along the valley floor, where gradient descent takes tiny steps.",
	"lesson.4.task1.answer": "μ = 0.8 gets there in about 72 steps, against about 224 for gradient descent at γ = 0.035.",
	"lesson.4.task2":        "Add Nesterov with the same learning rate and μ, and find a setting where Nesterov diverges while the heavy ball converges.",
	"lesson.4.task2.met":    "Done: Nesterov's limit 2(1+μ)/((1+2μ)·λmax) is lower than the heavy ball's 2(1+μ)/λmax.",
	"lesson.4.task2.answer": "With μ = 0.5 and γ = 0.035: Nesterov's limit is 0.03 here, the heavy ball's 0.06.",

	// 5. Adaptive steps.
	"lesson.5.title": "AdaGrad, RMSprop and Adam: a step size per coordinate",
	"lesson.5.p1": "Adaptive methods divide each coordinate's step by a running size of its gradients: AdaGrad by the root of their " +
		"sum of squares (so its steps only shrink), RMSprop by the root of a moving average of squares, Adam by that of the squares " +
		"and with a moving average of the gradients themselves on top.",
	"lesson.5.p2": "In the valley this evens out the steep and the flat direction: each moves about γ per step at first, whatever its slope. " +
		"Watch the first steps: they go diagonally, not straight down the wall.",
	"lesson.5.p3": "Adam starts its averages at zero, so early on they are too small by the factors 1 − β1ᵗ and 1 − β2ᵗ; bias correction " +
		"divides them out. Without it, the first step is γ·(1 − β1)/√(1 − β2) per coordinate: about 3.16·γ with the default betas.",
	"lesson.5.task1":        "Switch off Adam's bias correction, then choose β2 so that its first step is again γ per coordinate.",
	"lesson.5.task1.met":    "Done: without bias correction the first step is γ·(1 − β1)/√(1 − β2), which is γ when 1 − β2 = (1 − β1)².",
	"lesson.5.task1.answer": "With β1 = 0.9, take β2 = 0.99: then (1 − β1)/√(1 − β2) = 0.1/0.1 = 1.",

	// 6. Adam and AdamW.
	"lesson.6.title": "Adam vs AdamW: L2 penalty or weight decay",
	"lesson.6.p1": "An L2 penalty (λ/2)·‖x‖² adds λ·x to the gradient. For gradient descent this is the same as shrinking the weights " +
		"by a factor (1 − γλ) at every step, which is why both are called weight decay.",
	"lesson.6.p2": "For Adam they differ. Adam's weight_decay adds λ·x to the gradient, and that term is then divided by √v̂ like the rest: " +
		"where gradients are large the decay all but vanishes. AdamW decays the weights directly, x ← x − γλ·x, outside the adaptive step.",
	"lesson.6.p3":           "Booth's function has its minimum at (1, 3), away from the origin where the decay pulls. Give both the same λ and compare where they end.",
	"lesson.6.task1":        "Give Adam and AdamW the same learning rate and the same weight decay, at least 0.05, and see their end points part.",
	"lesson.6.task1.met":    "Done: the same λ pulls AdamW much further towards the origin, because its decay is not divided by √v̂.",
	"lesson.6.task1.answer": "Set the weight decay of both to 0.1 (with γ = 0.1): Adam ends near (1.09, 2.89), AdamW near (1.34, 2.35).",

	// 7. Minima and saddles.
	"lesson.7.title": "Local minima and saddle points",
	"lesson.7.p1": "Gradient descent goes downhill from where it starts and stops where the gradient vanishes. On two wells, which " +
		"minimum it finds depends on the start: the shallow one on the right is a trap.",
	"lesson.7.p2": "At a saddle point the gradient vanishes too, but the surface curves down in some direction. Exactly on the ridge the " +
		"gradient never points off it, and gradient descent, whose gradients are exact, stays on it; the smallest push, such as the " +
		"noise of stochastic gradients, lets the path escape.",
	"lesson.7.p3": "Be careful with what a 2-D picture says about networks with millions of parameters: there, most stationary points " +
		"are saddles rather than bad local minima, many minima are about equally good, and noise and high dimension change the picture. " +
		"These surfaces show the mechanisms, not the landscape of a real network.",
	"lesson.7.task1":        "Find a start from which gradient descent ends in the global (deeper) minimum of the two wells.",
	"lesson.7.task1.met":    "Done: from this side the deeper well's basin catches the path.",
	"lesson.7.task1.answer": "Click on the left half of the surface, such as (−1.5, 1).",
	"lesson.7.task2":        "Switch to the saddle surface and start on the ridge (y = 0), where gradient descent stops at the saddle. Add SGD with gradient noise and make it escape.",
	"lesson.7.task2.met":    "Done: noise pushes the path off the ridge, and the saddle lets it run downhill.",
	"lesson.7.task2.answer": "Surface 'saddle', start (−1.5, 0), optimizers gradient descent and SGD, gradient noise σ = 0.01 or more.",

	// 8. Common mistakes.
	"lesson.8.title": "Common mistakes, run next to the correct rule",
	"lesson.8.p1": "Each run marked ✗ is a deliberately wrong rule, the kind of mistake tutorials repeat, raced against the correct rule " +
		"on the same scene with the same samples. The article this app grew from makes several of them.",
	"lesson.8.p2": "An SGD loop that always uses the first sample fits one point, not the data. Summing the minibatch gradient instead " +
		"of averaging it multiplies the step by the batch size. Feeding Adam the residual ŷ − y instead of the gradient drops the x in ∂L/∂w.",
	"lesson.8.p3": "Adam without bias correction takes steps of the wrong size at first. Dividing by √(1 − β2ᵗ) instead of √v̂ₜ throws " +
		"away the gradients' scale, and ε inside the square root, √(v̂ + ε), acts like a much larger ε.",
	"lesson.8.task1":        "Set the batch size to 1, and make the correct SGD end with a loss below 0.095 with the same learning rate as the first-sample loop, which cannot.",
	"lesson.8.task1.met":    "Done: the correct loop sees a new random sample at every step; the wrong one fits the first point only.",
	"lesson.8.task1.answer": "Batch size 1 and γ = 0.1 for both: SGD ends at a loss of about 0.093, the first-sample loop on a line through one point (loss about 1.7). With batch 10 the summed gradient makes steps 10 times too long and diverges.",
	"lesson.8.task2":        "Find a learning rate, the same for both, at which Adam ends within 0.001 of the lowest loss while 'Adam fed the residual' does not.",
	"lesson.8.task2.met":    "Done: the same hyperparameters and one wrong line: without the x in ∂L/∂w, the residual-fed Adam fits the wrong slope.",
	"lesson.8.task2.answer": "γ = 0.05 with batch 10: Adam ends about 0.0001 above the lowest loss; the residual-fed Adam near w = −1, b = 2.5.",
}
