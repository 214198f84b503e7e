// The ncurses driver. Being written.
import CNcursesw
import Wizard
