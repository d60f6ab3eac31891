/*
 * Xếp Hàng rating box: 4 push buttons → USB serial, default protocol of docs/rating-boxes.md.
 *
 *   Each press sends one ASCII line "K<n>\r\n" (n = 1..4) at 9600 baud, 8N1.
 *   Key 1 = Rất hài lòng (Very satisfied) … key 4 = Không hài lòng (Dissatisfied).
 *
 * Board: any Arduino with USB serial (Nano/Uno with CH340 or ATmega16U2, Pro Micro, …).
 * Wiring: one leg of each button to a pin below, the other leg to GND (internal pull-ups, no
 * resistors needed). Optional LED (with 330 Ω) on LED_PIN flashes to confirm a press.
 * Keep the cable to the buttons short (< 1 m) or use shielded cable; debounce is done here, and
 * the server ignores a second press within 3 s anyway.
 *
 * Licence: AGPL-3.0-or-later, like the rest of Xếp Hàng.
 */

const uint8_t BUTTON_PINS[] = {2, 3, 4, 5};  // key 1, 2, 3, 4
const uint8_t KEY_COUNT = sizeof(BUTTON_PINS) / sizeof(BUTTON_PINS[0]);
const uint8_t LED_PIN = 13;
const unsigned long DEBOUNCE_MS = 30;   // contact must be stable this long
const unsigned long LOCKOUT_MS = 300;   // no second key from the box within this time
const unsigned long LED_MS = 150;

bool stablePressed[KEY_COUNT];
bool lastRead[KEY_COUNT];
unsigned long changedAt[KEY_COUNT];
unsigned long lastSentAt = 0;
unsigned long ledOffAt = 0;
bool sentOnce = false;

void setup() {
  for (uint8_t i = 0; i < KEY_COUNT; i++) {
    pinMode(BUTTON_PINS[i], INPUT_PULLUP);
    stablePressed[i] = false;
    lastRead[i] = false;
    changedAt[i] = 0;
  }
  pinMode(LED_PIN, OUTPUT);
  digitalWrite(LED_PIN, LOW);
  Serial.begin(9600);  // 8N1 is the default
}

void sendKey(uint8_t key) {
  Serial.print('K');
  Serial.print(key);
  Serial.print("\r\n");
}

void loop() {
  unsigned long now = millis();
  for (uint8_t i = 0; i < KEY_COUNT; i++) {
    bool pressed = digitalRead(BUTTON_PINS[i]) == LOW;
    if (pressed != lastRead[i]) {
      lastRead[i] = pressed;
      changedAt[i] = now;
    }
    if (pressed != stablePressed[i] && now - changedAt[i] >= DEBOUNCE_MS) {
      stablePressed[i] = pressed;
      // Send on the press edge only; holding a button sends nothing more.
      if (pressed && (!sentOnce || now - lastSentAt >= LOCKOUT_MS)) {
        sendKey(i + 1);
        lastSentAt = now;
        sentOnce = true;
        digitalWrite(LED_PIN, HIGH);
        ledOffAt = now + LED_MS;
      }
    }
  }
  if (ledOffAt != 0 && (long)(now - ledOffAt) >= 0) {
    digitalWrite(LED_PIN, LOW);
    ledOffAt = 0;
  }
}
