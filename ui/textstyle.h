#pragma once

class QTextEdit;

// Bold, italic and underline from the keyboard in a rich-text editor (the compose window's and the bulk
// send window's): each turns its style on or off for the selection or at the cursor.
enum class TextStyle { Bold, Italic, Underline };

void toggleTextStyle(QTextEdit *editor, TextStyle style);
