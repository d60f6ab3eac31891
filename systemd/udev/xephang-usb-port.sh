#!/bin/sh
# Prints the physical USB port of a device node and a udev rule line for 90-xephang.rules.
#   xephang-usb-port.sh /dev/ttyUSB0 [box-<n>|printer]
set -eu
dev=${1:-}
name=${2:-}
if [ -z "$dev" ] || [ ! -e "$dev" ]; then
  echo "usage: $0 /dev/ttyUSB0|/dev/ttyACM0|/dev/usb/lp0 [printer|box-<n>]" >&2
  exit 2
fi
# The first KERNELS of the form bus-port[.port…]:config.interface walking up from the device.
port=$(udevadm info -a -n "$dev" | sed -n 's/^ *KERNELS=="\([0-9][0-9]*-[0-9.]*:[0-9.]*\)"$/\1/p' | head -n 1)
if [ -z "$port" ]; then
  echo "no USB port found for $dev (is it a USB device?)" >&2
  exit 1
fi
subsystem=$(udevadm info -q property -n "$dev" | sed -n 's/^SUBSYSTEM=//p')
by_path=$(udevadm info -q property -n "$dev" | sed -n 's/^ID_PATH=//p')
echo "device:    $dev"
echo "subsystem: $subsystem"
echo "KERNELS:   $port"
[ -n "$by_path" ] && echo "ID_PATH:   $by_path"
if [ -z "$name" ]; then
  case "$subsystem" in usbmisc) name=printer ;; *) name=box-N ;; esac
fi
echo
echo "Rule line for /etc/udev/rules.d/90-xephang.rules:"
if [ "$subsystem" = usbmisc ]; then
  echo "SUBSYSTEM==\"usbmisc\", KERNEL==\"lp[0-9]*\", KERNELS==\"$port\", SYMLINK+=\"xephang-$name\", GROUP=\"lp\", MODE=\"0660\""
else
  echo "SUBSYSTEM==\"tty\", KERNELS==\"$port\", SYMLINK+=\"xephang-$name\", GROUP=\"dialout\", MODE=\"0660\", ENV{ID_MM_DEVICE_IGNORE}=\"1\""
fi
