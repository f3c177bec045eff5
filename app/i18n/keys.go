package i18n

// Keys of the messages. Keys made from data (an optimizer, surface,
// hyperparameter or notice name) are built by the functions below.
const (
	AppTitle       Key = "app.title"
	AppDescription Key = "app.description"
	Loading        Key = "app.loading"
	// LoadingProgress is go-app's loader label; it replaces {progress}.
	LoadingProgress Key = "app.loading.progress"

	SurfaceLabel  Key = "surface.label"
	StartLabel    Key = "start.label"
	StartHint     Key = "start.hint"
	StartPreset   Key = "start.preset"
	StartX        Key = "start.x"
	StartY        Key = "start.y"
	OptimizerList Key = "optimizers.label"
	OptimizerHint Key = "optimizers.hint"
	// MistakesLabel heads the wrong rules of lesson 8 in the picker.
	MistakesLabel Key = "optimizers.mistakes"
	MistakesHint  Key = "optimizers.mistakes.hint"
	SceneLabel    Key = "scene.label"
	StepsLabel    Key = "scene.steps"
	NoiseLabel    Key = "scene.noise"
	BatchLabel    Key = "scene.batch"
	BatchFull     Key = "scene.batch.full"
	NLabel        Key = "scene.n"
	KappaLabel    Key = "scene.kappa"
	SeedLabel     Key = "scene.seed"
	SpeedLabel    Key = "scene.speed"

	Play           Key = "transport.play"
	Pause          Key = "transport.pause"
	StepOnce       Key = "transport.step"
	Reset          Key = "transport.reset"
	KeysHint       Key = "transport.keys"
	StepOfN        Key = "transport.step_of_n"
	TimelineLabel  Key = "transport.timeline"
	Transport      Key = "transport.label"
	Views          Key = "views.label"
	SurfaceFig     Key = "views.surface"
	LossFig        Key = "views.loss"
	DataFig        Key = "views.data"
	SurfaceAlt     Key = "views.surface.alt"
	LossAlt        Key = "views.loss.alt"
	DataAlt        Key = "views.data.alt"
	Legend         Key = "views.legend"
	GradLegend     Key = "views.legend.grad"
	StepLegend     Key = "views.legend.step"
	MomentumLegend Key = "views.legend.momentum"
	ScaleLegend    Key = "views.legend.scale"
	BatchLegend    Key = "views.legend.batch"
	TermLegend     Key = "views.legend.term"

	ReadoutLabel    Key = "readout.label"
	ReadoutOpt      Key = "readout.optimizer"
	ReadoutStep     Key = "readout.step"
	ReadoutLoss     Key = "readout.loss"
	ReadoutGradNorm Key = "readout.gradnorm"
	ReadoutPoint    Key = "readout.point"
	ReadoutStatus   Key = "readout.status"
	// The narration of the shown step, for screen readers.
	NarrationStep Key = "narration.step"
	NarrationRun  Key = "narration.run"
	NarrationSep  Key = "narration.sep"
	// LanguageLabel labels the language switch.
	LanguageLabel Key = "language.label"
	// LossTableLabel opens the loss figure's table.
	LossTableLabel Key = "loss.table"
	// A surface typed as a formula.
	CustomName      Key = "custom.name"
	CustomAbout     Key = "custom.about"
	CustomNoMinimum Key = "custom.no_minimum"
	FormulaLabel    Key = "formula.label"
	FormulaHint     Key = "formula.hint"
	FormulaXRange   Key = "formula.xr"
	FormulaYRange   Key = "formula.yr"
	FormulaApply    Key = "formula.apply"
	// The reader's own data set for linreg.
	DataLabel    Key = "data.label"
	DataHint     Key = "data.hint"
	DataApply    Key = "data.apply"
	DataFile     Key = "data.file"
	DataReset    Key = "data.reset"
	DataTooLarge Key = "data.too_large"
	// DataEditHint says how to edit the data on its figure.
	DataEditHint Key = "data.edit_hint"
	DataDownload Key = "data.download"
	DataTooMany  Key = "data.too_many"

	StatusRunning     Key = "status.running"
	StatusDone        Key = "status.done"
	StatusDiverged    Key = "status.diverged"
	StatusDivergedLR  Key = "status.diverged.lr"
	StatusDivergedOut Key = "status.diverged.out"
	StatusDivergedNaN Key = "status.diverged.nan"
	StatusEscaped     Key = "status.escaped"
	StatusEscapedWord Key = "status.escaped.word"
	NoticesLabel      Key = "notices.label"
	NoticeDismiss     Key = "notices.dismiss"
	ErrorPrefix       Key = "error.prefix"
	ParamsOf          Key = "params.of"
	ParamUseDefault   Key = "params.default"
	NumberInputLabel  Key = "number.label"
	OpenFull          Key = "embed.open"
	VersionLabel      Key = "app.version"
	Notices           Key = "app.notices"
	ShareLabel        Key = "share.label"
	ShareLink         Key = "share.link"
	Copy              Key = "share.copy"
	Copied            Key = "share.copied"
	CopyByHand        Key = "share.copy_by_hand"
	EmbedLabel        Key = "share.embed"
	EmbedLock         Key = "share.embed.lock"
	EmbedAutoplay     Key = "share.embed.autoplay"
	EmbedCode         Key = "share.embed.code"
	ExportJSON        Key = "share.export.json"
	ExportCSV         Key = "share.export.csv"
	// ExportFigure labels a figure's download: format, figure.
	ExportFigure      Key = "share.export.figure"
	ExportFiguresHint Key = "share.export.figures"
	CopyPyTorch       Key = "share.pytorch.copy"
	DownloadPyTorch   Key = "share.pytorch.download"
	PyTorchHint       Key = "share.pytorch.hint"
	MathLabel         Key = "math.label"
	MathHint          Key = "math.hint"
	EqUpdate          Key = "math.update"
	EqStart           Key = "math.start"
	EqCoordinate      Key = "math.coordinate"
	CriticalTick      Key = "critical.tick"
	CriticalTickLocal Key = "critical.tick.local"
	CriticalExact     Key = "critical.exact"
	CriticalLocal     Key = "critical.local"
	CriticalAbove     Key = "critical.above"
	SchedLabel        Key = "schedule.label"
	SchedAlt          Key = "schedule.alt"
	SchedFig          Key = "schedule.figure"
	SchedNow          Key = "schedule.now"
	SweepLabel        Key = "sweep.label"
	SweepHint         Key = "sweep.hint"
	SweepFrom         Key = "sweep.from"
	SweepTo           Key = "sweep.to"
	SweepCount        Key = "sweep.count"
	SweepProgress     Key = "sweep.progress"
	SweepAlt          Key = "sweep.alt"
	SweepFig          Key = "sweep.figure"
	SweepBest         Key = "sweep.best"
	SweepEdge         Key = "sweep.edge"
	SweepNoEdge       Key = "sweep.noedge"
	SweepNoBest       Key = "sweep.nobest"
	SweepUse          Key = "sweep.use"
	SweepUseLabel     Key = "sweep.use.label"
	UpdateReady       Key = "update.ready"
	UpdateReload      Key = "update.reload"
)

// OptimizerName is the key of an optimizer's display name.
func OptimizerName(name string) Key { return Key("opt." + name) }

// OptimizerAbout is the key of a one-line description of an optimizer.
func OptimizerAbout(name string) Key { return Key("opt." + name + ".about") }

// SurfaceName is the key of a surface's display name.
func SurfaceName(name string) Key { return Key("fn." + name) }

// SurfaceAbout is the key of what a surface shows.
func SurfaceAbout(name string) Key { return Key("fn." + name + ".about") }

// ParamName is the key of a hyperparameter's label.
func ParamName(key string) Key { return Key("param." + key) }

// SchedName is the key of a learning-rate schedule's display name.
func SchedName(name string) Key { return Key("schedule.name." + name) }

// SchedParamName is the key of a schedule parameter's label.
func SchedParamName(key string) Key { return Key("schedule.param." + key) }

// EmbedPart is the key of the name of a part an embed can show.
func EmbedPart(part string) Key { return Key("embed.part." + part) }

// NoticeKind is the key of a permalink notice's message.
func NoticeKind(kind string) Key { return Key("notice." + kind) }

// Reason is the key of the message of a kind of refusal of the optimizer
// core (package reason), by its code.
func Reason(code string) Key { return Key("reason." + code) }
