# A página de Bluetooth.
bluetooth-title = Bluetooth
    .keywords = bluetooth;sem fio;parear;pareamento;emparelhar;dispositivo;dispositivos;headset;fone de ouvido;fones;caixa de som;alto-falante;teclado;mouse;controle;celular;telefone;adaptador;visível;pair;wireless

bluetooth-not-running = O Bluetooth não está em execução
    .body = O serviço de Bluetooth (bluetoothd) não está em execução. Esta página se atualiza sozinha quando ele iniciar.
bluetooth-no-adapter = Nenhum adaptador Bluetooth
    .body = Este computador não tem adaptador Bluetooth, ou ele está desligado. Conecte um ou ligue-o: ele aparece aqui sozinho.
bluetooth-no-answer = O Bluetooth não responde
    .body = O serviço de Bluetooth está em execução, mas não respondeu a tempo. Esta página se atualiza sozinha quando ele voltar a responder.
bluetooth-unreadable = Não foi possível ler o Bluetooth
    .body = { $detail }. Esta página tenta de novo sozinha.

# O adaptador.
bluetooth-adapter-heading = Este computador
bluetooth-adapter-choice = Adaptador Bluetooth
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = Endereço { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = Ligado: dispositivos podem se conectar a este computador.
bluetooth-power-off = Desligado: nenhum dispositivo pode se conectar.
bluetooth-power-turning-on = Ligando…
bluetooth-power-turning-off = Desligando…
bluetooth-visible-as = Visível como
bluetooth-alias-save = Salvar nome
bluetooth-saving = Salvando…
bluetooth-discoverable = Enquanto esta página estiver aberta, dispositivos próximos podem encontrar este computador como “{ $name }”.
bluetooth-discoverable-soon = Enquanto esta página estiver aberta, dispositivos próximos podem encontrar este computador.
bluetooth-discoverable-off = Ligue o Bluetooth para que dispositivos próximos encontrem este computador.
bluetooth-address = Endereço
bluetooth-name-empty = Digite um nome: ele não pode ficar vazio.
bluetooth-name-too-long = Um nome pode ter no máximo { $max } bytes (letras de algumas escritas ocupam dois ou três); este tem { $bytes }. Encurte-o.

# Os dispositivos.
bluetooth-my-devices = Meus dispositivos
bluetooth-nearby = Dispositivos próximos
bluetooth-no-paired = Nenhum dispositivo está pareado com este computador ainda.
bluetooth-searching = Procurando dispositivos…
bluetooth-searching-note = A busca por outros dispositivos continua enquanto esta página estiver aberta.
bluetooth-no-nearby = Não há outros dispositivos por perto.
bluetooth-off-nearby = Ligue o Bluetooth para encontrar dispositivos próximos.

bluetooth-kind-headset = Headset
bluetooth-kind-headphones = Fones de ouvido
bluetooth-kind-speaker = Caixa de som
bluetooth-kind-keyboard = Teclado
bluetooth-kind-mouse = Mouse
bluetooth-kind-gamepad = Controle de jogo
bluetooth-kind-phone = Telefone
bluetooth-kind-computer = Computador
bluetooth-kind-tablet = Mesa digitalizadora
bluetooth-kind-watch = Relógio
bluetooth-kind-printer = Impressora
bluetooth-kind-camera = Câmera
bluetooth-kind-other = Dispositivo

bluetooth-signal-strong = Sinal forte
bluetooth-signal-fair = Sinal médio
bluetooth-signal-weak = Sinal fraco
bluetooth-state-connected = Conectado
bluetooth-state-paired = Pareado
bluetooth-state-trusted = Confiável
bluetooth-state-blocked = Bloqueado
bluetooth-battery = Bateria { $percent } %

bluetooth-busy-pairing = Pareando…
bluetooth-busy-connecting = Conectando…
bluetooth-busy-disconnecting = Desconectando…
bluetooth-busy-forgetting = Esquecendo…
bluetooth-busy-blocking = Bloqueando…
bluetooth-busy-unblocking = Desbloqueando…
bluetooth-busy-renaming = Renomeando…

bluetooth-pair = Parear
bluetooth-connect = Conectar
bluetooth-disconnect = Desconectar
bluetooth-details-show = Detalhes
bluetooth-details-hide = Ocultar detalhes
bluetooth-forget = Esquecer
bluetooth-block = Bloquear
bluetooth-unblock = Desbloquear
bluetooth-rename = Renomear
bluetooth-rename-label = Nome
bluetooth-rename-save = Salvar
bluetooth-cancel = Cancelar
bluetooth-dismiss = Fechar
bluetooth-sound-settings = Configurações de som
bluetooth-kind = Tipo
bluetooth-services = Serviços
bluetooth-services-none = Nenhum informado
bluetooth-own-name = Nome próprio
bluetooth-forget-question = Esquecer “{ $name }”?
    .body = Este computador apaga o pareamento. Para usar o dispositivo de novo, pareie-o de novo.

bluetooth-service-audio-sink = Reprodução de áudio
bluetooth-service-audio-source = Fonte de áudio
bluetooth-service-headset = Chamadas (headset)
bluetooth-service-remote-control = Controles de mídia
bluetooth-service-input = Entrada (teclado, mouse)
bluetooth-service-battery = Nível da bateria
bluetooth-service-file-transfer = Transferência de arquivos
bluetooth-service-network = Compartilhamento de rede
bluetooth-service-serial-port = Porta serial
bluetooth-service-phone-book = Contatos
bluetooth-service-messages = Mensagens
bluetooth-service-other = Serviço { $uuid }

# O diálogo de pareamento.
bluetooth-pairing-title = Pareando com “{ $name }”
bluetooth-ask-pin = Digite o PIN de “{ $name }” (de 1 a 16 caracteres). Ele está no manual do dispositivo ou aparece nele.
bluetooth-ask-passkey = Digite a chave de 6 dígitos que “{ $name }” mostra.
bluetooth-ask-display = Digite { $code } em “{ $name }” e pressione Enter.
bluetooth-display-progress = { $entered } de 6 dígitos digitados no dispositivo
bluetooth-ask-confirm = “{ $name }” mostra { $code }? Confirme só se ele mostrar o mesmo número.
bluetooth-ask-authorize = “{ $name }” quer parear com este computador. Permitir?
bluetooth-ask-authorize-service = “{ $name }” quer usar { $service } neste computador. Permitir?
bluetooth-pin-label = PIN
bluetooth-passkey-label = Chave
bluetooth-confirm = Confirmar
bluetooth-allow = Permitir
bluetooth-deny = Negar
bluetooth-pin-empty = Digite o PIN.
bluetooth-pin-too-long = Um PIN tem no máximo 16 caracteres.
bluetooth-pin-not-printable = Um PIN não pode conter caracteres de controle.
bluetooth-passkey-not-digits = A chave é o número de até 6 dígitos que o dispositivo mostra.
bluetooth-request-ended = “{ $name }” deixou de esperar uma resposta: o pareamento foi cancelado no dispositivo ou ninguém respondeu a tempo.

# Comandos que falharam; segue o motivo dado pelo BlueZ.
bluetooth-error-with-reason = { $sentence } O BlueZ diz: { $reason }
bluetooth-error-power-on = Não foi possível ligar o Bluetooth.
bluetooth-error-power-off = Não foi possível desligar o Bluetooth.
bluetooth-error-alias = Não foi possível mudar o nome com que este computador aparece.
bluetooth-error-pair = Não foi possível parear com “{ $name }”.
bluetooth-error-connect = Não foi possível conectar a “{ $name }”.
bluetooth-error-disconnect = Não foi possível desconectar “{ $name }”.
bluetooth-error-forget = Não foi possível esquecer “{ $name }”.
bluetooth-error-block = Não foi possível bloquear “{ $name }”.
bluetooth-error-unblock = Não foi possível desbloquear “{ $name }”.
bluetooth-error-rename = Não foi possível renomear “{ $name }”.
bluetooth-error-not-running = O serviço de Bluetooth parou.
bluetooth-error-no-adapter = O adaptador Bluetooth não está mais presente.
bluetooth-error-no-answer = O serviço de Bluetooth não respondeu a tempo.
bluetooth-error-blocked = O adaptador Bluetooth está desligado ou bloqueado.
bluetooth-error-not-permitted = Você não tem permissão para mudar esta configuração de Bluetooth.
bluetooth-error-busy = “{ $name }” está ocupado com outro pedido; tente de novo em instantes.
bluetooth-error-not-found = “{ $name }” não é mais conhecido por este computador.
bluetooth-error-not-supported = O dispositivo ou o adaptador não pode fazer isso.
bluetooth-error-nothing-to-connect = “{ $name }” não oferece nada a que este computador possa se conectar; continua pareado.
bluetooth-error-rejected = “{ $name }” recusou o pareamento.
bluetooth-error-auth-failed = O pareamento com “{ $name }” falhou: os códigos não coincidiram.
bluetooth-error-canceled = O pareamento com “{ $name }” foi cancelado.
bluetooth-error-auth-timeout = “{ $name }” não respondeu a tempo durante o pareamento.
