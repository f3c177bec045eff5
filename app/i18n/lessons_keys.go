package i18n

import (
	"fmt"
	"maps"
)

// The lessons' frame: the menu, the navigation and the tasks' states.
const (
	LessonsMenu    Key = "lessons.menu"
	LessonsHint    Key = "lessons.hint"
	LessonOf       Key = "lessons.of"
	LessonPrev     Key = "lessons.prev"
	LessonNext     Key = "lessons.next"
	LessonLeave    Key = "lessons.leave"
	LessonTasks    Key = "lessons.tasks"
	LessonTaskTodo Key = "lessons.task.todo"
	LessonTaskMet  Key = "lessons.task.met"
	LessonReveal   Key = "lessons.reveal"
	LessonPreset   Key = "lessons.preset"
)

// LessonTitle is lesson n's title.
func LessonTitle(n int) Key { return Key(fmt.Sprintf("lesson.%d.title", n)) }

// LessonParagraph is paragraph k (from 1) of lesson n.
func LessonParagraph(n, k int) Key { return Key(fmt.Sprintf("lesson.%d.p%d", n, k)) }

// LessonTask is task k (from 1) of lesson n.
func LessonTask(n, k int) Key { return Key(fmt.Sprintf("lesson.%d.task%d", n, k)) }

// LessonTaskFeedback is what lesson n says once its task k is met.
func LessonTaskFeedback(n, k int) Key { return Key(fmt.Sprintf("lesson.%d.task%d.met", n, k)) }

// LessonTaskAnswer is the answer to lesson n's task k, revealed on demand.
func LessonTaskAnswer(n, k int) Key { return Key(fmt.Sprintf("lesson.%d.task%d.answer", n, k)) }

// The lessons' texts are catalogs of their own, merged into the
// languages' catalogs.
func init() {
	maps.Copy(english, lessonsEnglish)
	maps.Copy(chinese, lessonsChinese)
}
